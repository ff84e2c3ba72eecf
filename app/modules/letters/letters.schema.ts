import { z } from "zod";
import { email, freeText, personName, placeName, usZip5 } from "~/lib/fields.schema";
import { CWC_PREFIXES } from "~/modules/cwc/cwc";
import { mergeFieldProblems, PERSONAL_NOTE_MAX } from "./letters";

/** A ZIP code, or ZIP+4; the 5-digit part is kept. */
export const zipSchema = usZip5("Enter your ZIP code.");

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

/** What Communicating with Congress requires of a writer, checked the way CWC checks it. */
const prefixSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const prefix = CWC_PREFIXES.find((p) => p === v);
    if (!prefix) {
      ctx.addIssue({ code: "custom", message: "Choose Mr., Mrs., Miss, Ms. or Dr." });
      return z.NEVER;
    }
    return prefix;
  });
/** Optional; any 10-digit US number, kept as NNN-NNN-NNNN (the only form CWC takes). */
const phoneSchema = z
  .string()
  .trim()
  .max(30, "Enter a 10-digit phone number, e.g. 802-555-0100.")
  .optional()
  .transform((v, ctx) => {
    const digits = (v ?? "").replace(/[\s().+-]/g, "").replace(/^1(?=\d{10}$)/, "");
    if (!digits) return null;
    if (!/^\d{10}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "Enter a 10-digit phone number, e.g. 802-555-0100." });
      return z.NEVER;
    }
    return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  });
/** Optional: the last four digits of a ZIP+4 ("1234", or the whole "05401-1234"). */
const zip4Schema = z
  .string()
  .trim()
  .max(12)
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const four = /^(?:\d{5}-?)?(\d{4})$/.exec(v)?.[1];
    if (!four) {
      ctx.addIssue({ code: "custom", message: "The ZIP+4 ending is 4 digits, e.g. 1234." });
      return z.NEVER;
    }
    return four;
  });

export const letterFormSchema = z.object({
  zip: zipSchema,
  zip4: zip4Schema,
  prefix: prefixSchema,
  phone: phoneSchema,
  seat: seatSchema,
  firstName: personName("first name"),
  lastName: personName("last name"),
  street: z
    .string({ error: "Enter your street address." })
    .trim()
    .min(3, "Enter your street address.")
    .max(200, "Your street address is at most 200 characters."),
  city: placeName("city"),
  email: email("Enter your email address."),
  personalNote: freeText(
    "Your personal paragraph",
    PERSONAL_NOTE_MAX,
    `Your personal paragraph is at most ${PERSONAL_NOTE_MAX.toLocaleString("en-US")} characters; please shorten it.`,
  ).default(""),
  optIn: z.literal("yes").optional(),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "This form has expired; reload the page and try again."),
});
export type LetterForm = z.infer<typeof letterFormSchema>;

export function letterFormValues(form: FormData) {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    zip: text("zip"),
    zip4: text("zip4"),
    prefix: text("prefix"),
    phone: text("phone"),
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
