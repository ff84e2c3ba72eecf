import { z } from "zod";
import { emailSchema, passwordSchema } from "./organizers.schema";

export const forgotSchema = z.object({ email: emailSchema });

export const newPasswordSchema = z
  .object({ password: passwordSchema, confirm: z.string({ error: "Type the password again." }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailSchema,
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Names are at most 120 characters."),
  role: z.enum(["owner", "editor", "viewer"], { error: "Choose owner, editor or viewer." }),
});

export const acceptInvitationSchema = z
  .object({
    name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(120, "Names are at most 120 characters."),
    password: passwordSchema,
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });
