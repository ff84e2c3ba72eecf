import { z } from "zod";
import { optionalEmail, optionalFullName } from "~/lib/fields.schema";
import { TIP_LIMITS, TIP_STATUSES } from "./tips";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

const optionalSlug = z
  .string()
  .trim()
  .max(80)
  .optional()
  .transform((v) => (v && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? v : null));

export const tipFormSchema = z.object({
  body: z
    .string({ error: "Write what you know." })
    .trim()
    .min(1, "Write what you know: the tip is empty.")
    .max(
      TIP_LIMITS.maxChars,
      `A tip is at most ${TIP_LIMITS.maxChars.toLocaleString("en-US")} characters. Please shorten it, or attach a longer text as a PDF.`,
    ),
  name: optionalFullName,
  email: optionalEmail,
  phone: optionalText(40, "The phone number").refine(
    (v) => v === null || /^[0-9+()./\s-]{5,40}$/.test(v),
    "Enter a phone number with digits, spaces and + ( ) - only, or leave it empty.",
  ),
  case: optionalSlug,
  media: optionalSlug,
});
export type TipForm = z.infer<typeof tipFormSchema>;

export const TIP_FIELDS = ["body", "name", "email", "phone", "case", "media"] as const;

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

export const tipTriageSchema = z
  .object({
    status: z.enum(TIP_STATUSES as [string, ...string[]], { error: "Choose a state." }),
    assignedTo: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), "Choose an organizer."),
    caseSlug: nullableText(80),
    forwardedTo: nullableText(200),
    forwardedOn: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine(
        (v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
        "Enter the date as YYYY-MM-DD.",
      ),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "forwarded") return;
    if (!v.forwardedTo)
      ctx.addIssue({
        code: "custom",
        path: ["forwardedTo"],
        message: "Say which agency the tip was forwarded to.",
      });
    if (!v.forwardedOn)
      ctx.addIssue({ code: "custom", path: ["forwardedOn"], message: "Give the date it was forwarded." });
  });
export type TipTriage = z.infer<typeof tipTriageSchema>;

export const tipNoteSchema = z.object({
  note: z
    .string({ error: "Write the note." })
    .trim()
    .min(1, "Write the note.")
    .max(5000, "Notes are at most 5,000 characters."),
});

export const tipTranslationSchema = z.object({
  needed: z
    .enum(["yes", "no"], { error: "Say whether the tip needs translation." })
    .transform((v) => v === "yes"),
});

export const tipFilterSchema = z.object({
  status: z
    .enum(TIP_STATUSES as [string, ...string[]])
    .optional()
    .catch(undefined),
  assigned: z
    .string()
    .regex(/^(me|none|\d+)$/)
    .optional()
    .catch(undefined),
  case: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  translation: z.enum(["needed"]).optional().catch(undefined),
  page: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
});
export type TipFilters = z.infer<typeof tipFilterSchema>;
