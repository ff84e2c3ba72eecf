import { fieldErrors } from "~/lib/validation";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { getCaseForEdit } from "~/modules/cases/cases.server";
import { getMediaForEdit } from "~/modules/media/media.server";
import type { TranslationLocale } from "~db/schema";
import {
  campaignTranslationSchema,
  caseTranslationSchema,
  mediaTranslationSchema,
} from "./translations.schema";
import {
  campaignTranslations,
  caseTranslations,
  mediaTranslations,
  saveCampaignTranslation,
  saveCaseTranslation,
  saveMediaTranslation,
  type TranslationKind,
} from "./translations.server";

/** One field an organizer translates: the English original beside the translation so far. */
export interface TranslationField {
  name: string;
  label: string;
  original: string;
  value: string;
  multiline: boolean;
  hint?: string;
}

export const TRANSLATION_KINDS: TranslationKind[] = ["case", "media", "campaign"];

/** What the editor shows for one item in one language, or null when the item does not exist. */
export async function openTranslation(kind: TranslationKind, id: number, locale: TranslationLocale) {
  if (kind === "case") {
    const c = await getCaseForEdit(id);
    if (!c) return null;
    const t = (await caseTranslations(id)).find((r) => r.locale === locale);
    const fields: TranslationField[] = [
      { name: "fullName", label: "Name", original: c.fullName, value: t?.fullName ?? "", multiline: false },
      { name: "summary", label: "Summary", original: c.summary, value: t?.summary ?? "", multiline: true },
      {
        name: "bodyMd",
        label: "Story (Markdown)",
        original: c.bodyMd,
        value: t?.bodyMd ?? "",
        multiline: true,
      },
      {
        name: "factTexts",
        label: "Timeline, one line per entry in the same order",
        original: c.facts.map((f) => f.fact).join("\n"),
        value: (t?.factTexts ?? []).join("\n"),
        multiline: true,
        hint: "An empty line keeps that entry in English. Dates and sources stay as they are.",
      },
      {
        name: "nameVariants",
        label: "Name in other scripts (all languages)",
        original: c.fullName,
        value: c.nameVariants,
        multiline: false,
        hint: "Every way the name is written: Hangul, Hanja, Cyrillic, Chinese characters. Used by search.",
      },
    ];
    return { title: c.fullName, publicPath: `/cases/${c.slug}`, fields };
  }
  if (kind === "media") {
    const m = await getMediaForEdit(id);
    if (!m) return null;
    const t = (await mediaTranslations(id)).find((r) => r.locale === locale);
    const fields: TranslationField[] = [
      { name: "title", label: "Title", original: m.title, value: t?.title ?? "", multiline: false },
      {
        name: "description",
        label: "Description",
        original: m.description,
        value: t?.description ?? "",
        multiline: true,
      },
      {
        name: "imageAlt",
        label: "Image text alternative",
        original: m.imageAlt ?? "",
        value: t?.imageAlt ?? "",
        multiline: false,
      },
    ];
    return { title: m.title, publicPath: `/cases/help-identify#${m.slug}`, fields };
  }
  const k = await getCampaignForEdit(id);
  if (!k) return null;
  const t = (await campaignTranslations(id)).find((r) => r.locale === locale);
  const fields: TranslationField[] = [
    { name: "title", label: "Title", original: k.title, value: t?.title ?? "", multiline: false },
    { name: "summary", label: "Summary", original: k.summary, value: t?.summary ?? "", multiline: true },
    {
      name: "bodyMd",
      label: "Story (Markdown)",
      original: k.bodyMd,
      value: t?.bodyMd ?? "",
      multiline: true,
    },
  ];
  return { title: k.title, publicPath: `/campaigns/${k.slug}`, fields };
}

export type SaveTranslationResult = { ok: true } | { ok: false; fields: Record<string, string> };

/** Validates and saves one language's translation of one item (audited). */
export async function saveTranslation(
  actorId: number,
  kind: TranslationKind,
  id: number,
  locale: TranslationLocale,
  form: Record<string, unknown>,
): Promise<SaveTranslationResult> {
  const input = { ...form, locale };
  const schema =
    kind === "case"
      ? caseTranslationSchema
      : kind === "media"
        ? mediaTranslationSchema
        : campaignTranslationSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  if (kind === "case") await saveCaseTranslation(actorId, id, caseTranslationSchema.parse(input));
  else if (kind === "media") await saveMediaTranslation(actorId, id, mediaTranslationSchema.parse(input));
  else await saveCampaignTranslation(actorId, id, campaignTranslationSchema.parse(input));
  return { ok: true };
}
