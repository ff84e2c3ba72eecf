import { z } from "zod";
import { mergeFieldProblems, PERSONAL_NOTE_MAX } from "./letters";

/** A ZIP code, or ZIP+4; the 5-digit part is kept. */
export const zipSchema = z
  .string({ error: "Enter your ZIP code." })
  .trim()
  .min(1, "Enter your ZIP code.")
  .regex(/^\d{5}(-?\d{4})?$/, "A ZIP code is 5 digits, e.g. 05401 (or ZIP+4, e.g. 05401-1234).")
  .transform((v) => v.slice(0, 5));

/** "VT-0", "CA-36": the district a supporter picked among a ZIP's candidates. */
export const seatSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}-\d{1,2}$/, "Choose your district from the list.")
  .transform((v) => ({ state: v.slice(0, 2), district: Number(v.slice(3)) }));

const withMergeFields = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `The ${label} is at most ${max.toLocaleString("en-US")} characters.`)
    .superRefine((text, ctx) => {
      for (const message of mergeFieldProblems(text)) ctx.addIssue({ code: "custom", message });
    });

export const templateFormSchema = z.object({
  target: z.string().regex(/^(senate|house|official:[a-z0-9-]+)$/, "Unknown target."),
  subject: withMergeFields("subject", 200),
  bodyMd: withMergeFields("letter", 20_000),
});
export type TemplateForm = z.infer<typeof templateFormSchema>;

const name = (label: string) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(80, `Your ${label} is at most 80 characters.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `Your ${label} contains characters that cannot be printed.`);

export const letterFormSchema = z.object({
  zip: zipSchema,
  seat: seatSchema,
  firstName: name("first name"),
  lastName: name("last name"),
  street: z.string({ error: "Enter your street address." }).trim().min(3, "Enter your street address.").max(200, "Your street address is at most 200 characters."),
  city: name("city"),
  email: z.string({ error: "Enter your email address." }).trim().max(254, "That email address is too long.").pipe(z.email("Enter a valid email address, e.g. name@example.org.")),
  personalNote: z
    .string()
    .max(PERSONAL_NOTE_MAX, `Your personal paragraph is at most ${PERSONAL_NOTE_MAX.toLocaleString("en-US")} characters; please shorten it.`)
    .default(""),
  optIn: z.literal("yes").optional(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "This form has expired; reload the page and try again."),
});
export type LetterForm = z.infer<typeof letterFormSchema>;

export function letterFormValues(form: FormData) {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    zip: text("zip"),
    seat: text("seat"),
    firstName: text("firstName"),
    lastName: text("lastName"),
    street: text("street"),
    city: text("city"),
    email: text("email"),
    personalNote: text("personalNote"),
    optIn: form.get("optIn") === "yes" ? ("yes" as const) : undefined,
    idempotencyKey: text("idempotencyKey"),
  };
}
