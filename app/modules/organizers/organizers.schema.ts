import { z } from "zod";
import { email, fullName } from "~/lib/fields.schema";

export const emailSchema = email("Enter an email address.");

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(12, "Passwords must be at least 12 characters.")
  .max(200, "Passwords are at most 200 characters.");

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "Passwords are at most 200 characters."),
  redirectTo: z.string().optional(),
});

export const newOrganizerSchema = z.object({
  email: emailSchema,
  name: fullName("Enter a name."),
  role: z.enum(["owner", "editor", "viewer"], { error: "Choose owner, editor or viewer." }),
  password: passwordSchema,
});

export const organizerAdminSchema = z.discriminatedUnion("intent", [
  newOrganizerSchema.extend({ intent: z.literal("create") }),
  z.object({
    intent: z.literal("role"),
    organizerId: z.coerce.number().int().positive(),
    role: z.enum(["owner", "editor", "viewer"]),
  }),
  z.object({
    intent: z.literal("disable"),
    organizerId: z.coerce.number().int().positive(),
    disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
]);

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password."),
    next: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two new passwords do not match." });
