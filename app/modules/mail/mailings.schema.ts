import { z } from "zod";
import { isOfficeCode } from "~/modules/statements/statements";

const SCOPE_MESSAGE = "Give a state (VT) or a seat's office code (SVT01, HCA12, HVT00), or leave it empty.";

export const mailingFormSchema = z
  .object({
    subject: z
      .string({ error: "Enter a subject." })
      .trim()
      .min(1, "Enter a subject.")
      .max(150, "Subjects are at most 150 characters."),
    bodyMd: z
      .string({ error: "Write the update." })
      .trim()
      .min(1, "Write the update.")
      .max(50_000, "Updates are at most 50,000 characters."),
    audience: z.string({ error: "Choose who receives it." }).min(1, "Choose who receives it.").max(60),
    campaignId: z
      .union([z.literal(""), z.coerce.number().int().positive()])
      .optional()
      .transform((v) => (typeof v === "number" ? v : null)),
    /** Only the audience's members in one state or one seat ("everyone who wrote to Senator X"). */
    scope: z
      .string()
      .trim()
      .max(10, SCOPE_MESSAGE)
      .optional()
      .transform((v) => (v ?? "").toUpperCase())
      .refine((v) => v === "" || /^[A-Z]{2}$/.test(v) || isOfficeCode(v), SCOPE_MESSAGE),
  })
  .transform(({ scope, ...rest }) => ({
    ...rest,
    scopeState: /^[A-Z]{2}$/.test(scope) ? scope : null,
    scopeOffice: isOfficeCode(scope) ? scope : null,
  }));
export type MailingForm = z.infer<typeof mailingFormSchema>;

/** A datetime-local value read as UTC (the form says so: no JavaScript needed to know the zone). */
export const scheduleSchema = z.object({
  scheduledAt: z
    .string({ error: "Choose a date and time." })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time.")
    .transform((v) => new Date(`${v}:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Choose a valid date and time.")
    .refine((d) => d.getTime() > Date.now() - 60_000, "Choose a time in the future."),
});

export const unsubscribeChoiceSchema = z.object({
  choice: z.enum(["campaign", "all"], { error: "Choose what to unsubscribe from." }),
});

/** What the organizer typed, to re-render the form after an error. */
export function mailingFormValues(form: FormData) {
  const get = (k: string) => String(form.get(k) ?? "");
  return {
    subject: get("subject"),
    bodyMd: get("bodyMd"),
    audience: get("audience"),
    campaignId: get("campaignId"),
    scope: get("scope"),
  };
}
