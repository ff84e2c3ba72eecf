import { z } from "zod";
import { TRANSLATION_LOCALES } from "./translations";

const locale = z
  .enum(TRANSLATION_LOCALES as [string, ...string[]], { error: "Choose a language." })
  .transform((v) => v as (typeof TRANSLATION_LOCALES)[number]);

/** An optional translated field: empty means "not translated" (the page shows the English). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en-US")} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

export const caseTranslationSchema = z.object({
  locale,
  fullName: text(200),
  summary: text(1000),
  bodyMd: text(50_000),
  /** One line per timeline entry, in the timeline's order; an empty line keeps the English. */
  factTexts: z
    .string()
    .max(50_000, "At most 50,000 characters.")
    .optional()
    .transform((v) => (v ?? "").split(/\r?\n/).map((l) => l.trim())),
  /** Every way the name is written in other scripts (shared by all languages), for search. */
  nameVariants: z
    .string()
    .trim()
    .max(1000, "At most 1,000 characters.")
    .optional()
    .transform((v) => v ?? ""),
});
export type CaseTranslationForm = z.infer<typeof caseTranslationSchema>;

export const mediaTranslationSchema = z.object({
  locale,
  title: text(200),
  description: text(5000),
  imageAlt: text(500),
});
export type MediaTranslationForm = z.infer<typeof mediaTranslationSchema>;

export const campaignTranslationSchema = z.object({
  locale,
  title: text(200),
  summary: text(1000),
  bodyMd: text(50_000),
});
export type CampaignTranslationForm = z.infer<typeof campaignTranslationSchema>;
