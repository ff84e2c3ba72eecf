import { db, type Executor } from "~db/index.server";
import type { TranslationLocale } from "~db/schema";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { localize, pickText, TRANSLATION_LOCALES } from "./translations";
import type {
  CampaignTranslationForm,
  CaseTranslationForm,
  MediaTranslationForm,
} from "./translations.schema";
import {
  findCaseTranslation,
  listCampaignTranslations,
  listCampaignTranslationsOfCampaign,
  listCaseTranslations,
  listCaseTranslationsOfCase,
  listMediaTranslations,
  listMediaTranslationsOfItem,
  listTranslatables,
  setCaseNameVariants,
  upsertCampaignTranslation,
  upsertCaseTranslation,
  upsertMediaTranslation,
} from "./translations.queries.server";

const translationLocale = (locale: Locale): TranslationLocale | null =>
  locale === DEFAULT_LOCALE ? null : (locale as TranslationLocale);

/** A case file's own text in a language, field by field, with the English where none is written. */
export async function caseInLocale<
  C extends { id: number; fullName: string; summary: string; bodyMd: string },
  F extends { fact: string },
>(c: C, facts: F[], locale: Locale) {
  const tl = translationLocale(locale);
  const row = tl ? await findCaseTranslation(db(), c.id, tl) : null;
  const picked = localize(
    locale,
    { fullName: c.fullName, summary: c.summary, bodyMd: c.bodyMd },
    row ? { fullName: row.fullName, summary: row.summary, bodyMd: row.bodyMd } : null,
  );
  const localFacts = facts.map((f, i) => {
    const p = pickText(locale, f.fact, row?.factTexts[i]);
    return { ...f, fact: p.text, factLang: p.lang };
  });
  return {
    text: picked.text as { fullName: string; summary: string; bodyMd: string },
    lang: picked.lang,
    facts: localFacts,
    untranslated: picked.untranslated || localFacts.some((f) => f.factLang !== locale),
  };
}

/** Names and summaries of listed case files in a language (English where none is written). */
export async function caseListInLocale<C extends { id: number; fullName: string; summary: string }>(
  rows: C[],
  locale: Locale,
) {
  const tl = translationLocale(locale);
  const found = tl
    ? await listCaseTranslations(
        db(),
        rows.map((r) => r.id),
        tl,
      )
    : [];
  const byId = new Map(found.map((t) => [t.caseId, t]));
  return rows.map((r) => {
    const p = localize(locale, { fullName: r.fullName, summary: r.summary }, byId.get(r.id));
    return { ...r, ...(p.text as { fullName: string; summary: string }), lang: p.lang };
  });
}

/** Help-identify items in a language (English where none is written). */
export async function mediaInLocale<
  M extends { id: number; title: string; description: string; imageAlt: string | null },
>(rows: M[], locale: Locale) {
  const tl = translationLocale(locale);
  const found = tl ? await listMediaTranslations(db(), tl) : [];
  const byId = new Map(found.map((t) => [t.mediaId, t]));
  return rows.map((r) => {
    const p = localize(
      locale,
      { title: r.title, description: r.description, imageAlt: r.imageAlt },
      byId.get(r.id),
    );
    return {
      ...r,
      title: p.text.title ?? r.title,
      description: p.text.description ?? r.description,
      imageAlt: p.text.imageAlt,
      textLocale: p.lang.description,
    };
  });
}

/**
 * Campaign titles and summaries in a language (English where none is written), and the story
 * (Markdown body) too for rows that carry one (the campaign's own page).
 */
export async function campaignsInLocale<
  C extends { id: number; title: string; summary: string; bodyMd?: string },
>(rows: C[], locale: Locale) {
  const tl = translationLocale(locale);
  const found = tl
    ? await listCampaignTranslations(
        db(),
        rows.map((r) => r.id),
        tl,
      )
    : [];
  const byId = new Map(found.map((t) => [t.campaignId, t]));
  return rows.map((r) => {
    const original = { title: r.title, summary: r.summary, bodyMd: r.bodyMd ?? null };
    const p = localize(locale, original, byId.get(r.id));
    return {
      ...r,
      ...(p.text as { title: string; summary: string }),
      bodyMd: (p.text.bodyMd ?? r.bodyMd) as C["bodyMd"],
      lang: p.lang,
      untranslated: p.untranslated,
    };
  });
}

export type TranslationKind = "case" | "media" | "campaign";

/** Every published item and the languages its text is still missing in (the admin list). */
export async function missingTranslations() {
  const all = await listTranslatables(db());
  const group = (
    kind: TranslationKind,
    rows: Array<{
      id: number;
      title: string;
      locale: string | null;
      summary: string | null;
      restDone?: boolean | null;
    }>,
  ) => {
    const items = new Map<number, { kind: TranslationKind; id: number; title: string; has: Set<string> }>();
    for (const r of rows) {
      const item = items.get(r.id) ?? { kind, id: r.id, title: r.title, has: new Set<string>() };
      // A language is done when its summary is written (and, for a campaign, its story too).
      if (r.locale && r.summary?.trim() && r.restDone !== false) item.has.add(r.locale);
      items.set(r.id, item);
    }
    return [...items.values()].map((i) => ({
      kind: i.kind,
      id: i.id,
      title: i.title,
      missing: TRANSLATION_LOCALES.filter((l) => !i.has.has(l)),
    }));
  };
  return [...group("case", all.cases), ...group("media", all.media), ...group("campaign", all.campaigns)];
}

export function caseTranslations(caseId: number) {
  return listCaseTranslationsOfCase(db(), caseId);
}
export function mediaTranslations(mediaId: number) {
  return listMediaTranslationsOfItem(db(), mediaId);
}
export function campaignTranslations(campaignId: number) {
  return listCampaignTranslationsOfCampaign(db(), campaignId);
}

async function audited(
  actorId: number,
  kind: TranslationKind,
  id: number,
  locale: string,
  save: (trx: Executor) => Promise<void>,
) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await save(trx);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: `${kind}.translate`,
        subjectType: kind,
        subjectId: id,
        details: { locale },
      });
    });
}

export async function saveCaseTranslation(actorId: number, caseId: number, form: CaseTranslationForm) {
  const { nameVariants, ...translation } = form;
  await audited(actorId, "case", caseId, form.locale, async (trx) => {
    await upsertCaseTranslation(trx, { caseId, ...translation });
    await setCaseNameVariants(trx, caseId, nameVariants);
  });
}

export async function saveMediaTranslation(actorId: number, mediaId: number, form: MediaTranslationForm) {
  await audited(actorId, "media", mediaId, form.locale, (trx) =>
    upsertMediaTranslation(trx, { mediaId, ...form }),
  );
}

export async function saveCampaignTranslation(
  actorId: number,
  campaignId: number,
  form: CampaignTranslationForm,
) {
  await audited(actorId, "campaign", campaignId, form.locale, (trx) =>
    upsertCampaignTranslation(trx, { campaignId, ...form }),
  );
}

/** One campaign's title in a language, as campaign pages pick it (English when none is written). */
export async function campaignTitleIn(
  campaign: { id: number; title: string },
  locale: Locale,
): Promise<{ text: string; lang: Locale }> {
  const [c] = await campaignsInLocale([{ id: campaign.id, title: campaign.title, summary: "" }], locale);
  return { text: c.title, lang: c.lang.title };
}
