import { z } from "zod";
import { fullName } from "~/lib/fields.schema";
import { emailSchema, passwordSchema } from "./organizers.schema";

export const forgotSchema = z.object({ email: emailSchema });

export const newPasswordSchema = z
  .object({ password: passwordSchema, confirm: z.string({ error: "Type the password again." }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailSchema,
  name: fullName("Enter a name."),
  role: z.enum(["owner", "editor", "viewer"], { error: "Choose owner, editor or viewer." }),
});

export const acceptInvitationSchema = z
  .object({
    name: fullName("Enter your name."),
    password: passwordSchema,
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });
