import { z } from "zod";
import { email, personName, usZip5 } from "~/lib/fields.schema";

export const meRequestSchema = z.object({ email: email() });

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** Every form on a supporter's own page, by its intent. */
export const meActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("withdraw"), signatureId: id("Choose a signature to withdraw.") }),
  z.object({
    intent: z.literal("profile"),
    firstName: personName("first name"),
    lastName: personName("last name"),
    zip: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(usZip5().optional())
      .transform((v) => v ?? null),
  }),
  z.object({ intent: z.literal("email"), email: email("Enter the new address.") }),
  z.object({
    intent: z.literal("stop"),
    campaignId: z.coerce.number().int().positive().optional().catch(undefined),
  }),
  z.object({ intent: z.literal("subscribe-all") }),
  z.object({
    intent: z.literal("erase"),
    confirm: z.literal("yes", { error: "Tick the box to confirm that you want everything erased." }),
  }),
]);
