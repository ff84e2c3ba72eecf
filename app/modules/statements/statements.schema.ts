import { z } from "zod";
import { freeText, optionalText } from "~/lib/fields.schema";
import { POSITIONS, STATEMENT_KINDS, isOfficeCode } from "./statements";

/** A statement's excerpt or a pasted reply: long letters fit, a book does not. */
export const STATEMENT_MAX_CHARS = 20_000;

const today = () => new Date().toISOString().slice(0, 10);

/** "SVT01", "HCA12" or "official:7": the target a statement is about. */
export const targetField = z
  .string({ error: "Choose who said it." })
  .trim()
  .min(1, "Choose who said it.")
  .max(40)
  .refine((v) => isOfficeCode(v) || /^official:[1-9][0-9]{0,11}$/.test(v), "Choose who said it.")
  .transform((v) =>
    v.startsWith("official:")
      ? ({ officeCode: null, officialId: Number(v.slice(9)) } as const)
      : ({ officeCode: v, officialId: null } as const),
  );

const optionalUrl = z
  .string()
  .trim()
  .max(2000, "A link is at most 2,000 characters.")
  .optional()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || /^https?:\/\/[^\s<>"]+$/i.test(v),
    "A link starts with https:// (or http://).",
  );

const statedOn = z
  .string({ error: "Give the date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Give a real date.")
  .refine((v) => v <= today(), "The date cannot be in the future.");

export const statementFormSchema = z.object({
  target: targetField,
  position: z.enum(POSITIONS, { error: "Choose the position." }),
  kind: z.enum(STATEMENT_KINDS, { error: "Choose what kind of statement it is." }),
  statedOn,
  body: freeText("The text", STATEMENT_MAX_CHARS),
  sourceUrl: optionalUrl,
  bill: optionalText(40),
  rollCall: optionalText(80),
});
export type StatementForm = z.infer<typeof statementFormSchema>;

/** A reply a supporter received from an office and sends in from their delivery page. */
export const replyFormSchema = z.object({
  target: targetField,
  body: freeText("The reply", STATEMENT_MAX_CHARS),
});
export type ReplyForm = z.infer<typeof replyFormSchema>;

const script = freeText("A script", 3000)
  .optional()
  .transform((v) => v ?? "");
export const callScriptsSchema = z.object({
  supports: script,
  opposes: script,
  undecided: script,
  mixed: script,
  no_response: script,
});

export const acceptReplySchema = z.object({
  id: z.coerce.number({ error: "Choose a reply." }).int().positive("Choose a reply."),
  position: z.enum(POSITIONS, { error: "Choose the position." }),
  statedOn,
});

export const verifySchema = z.object({
  intent: z.enum(["verify", "dismiss"], { error: "Choose verify or dismiss." }),
  id: z.coerce.number({ error: "Choose a statement." }).int().positive("Choose a statement."),
});

/** The scorecard's filters (query string): chamber, state, position ("none": no verified answer), page. */
export const scorecardFilterSchema = z.object({
  chamber: z
    .enum(["senate", "house", "official", ""], { error: "Choose the Senate, the House or officials." })
    .optional()
    .transform((v) => v || null),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "Choose a state by its two-letter code.")
    .optional()
    .transform((v) => v || null),
  position: z
    .enum([...POSITIONS, "none", ""], { error: "Choose a position." })
    .optional()
    .transform((v) => v || null),
  page: z.coerce.number({ error: "Give a page number." }).int().min(1).max(10_000).optional().default(1),
});
export type ScorecardFilter = z.infer<typeof scorecardFilterSchema>;

/** A call script for one official (seat or executive official) and position. */
export const scriptOverrideSchema = z.object({
  overrideTarget: targetField,
  overridePosition: z.enum(POSITIONS, { error: "Choose the position." }),
  script: freeText("The script", 3000).refine((v) => v.length > 0, "Write the script."),
});

export const removeOverrideSchema = z.object({
  override: z.coerce.number({ error: "Choose a script." }).int().positive("Choose a script."),
});
