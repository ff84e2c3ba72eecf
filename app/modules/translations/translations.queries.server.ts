import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { TranslationLocale } from "~db/schema";

export function findCaseTranslation(db: Executor, caseId: number, locale: TranslationLocale) {
  return db
    .selectFrom("caseTranslations")
    .selectAll()
    .where("caseId", "=", caseId)
    .where("locale", "=", locale)
    .executeTakeFirst();
}

export function listCaseTranslations(db: Executor, caseIds: number[], locale: TranslationLocale) {
  if (!caseIds.length) return Promise.resolve([]);
  return db
    .selectFrom("caseTranslations")
    .select(["caseId", "fullName", "summary"])
    .where("caseId", "in", caseIds)
    .where("locale", "=", locale)
    .execute();
}

export function listCaseTranslationsOfCase(db: Executor, caseId: number) {
  return db.selectFrom("caseTranslations").selectAll().where("caseId", "=", caseId).execute();
}

export async function upsertCaseTranslation(
  db: Executor,
  values: {
    caseId: number;
    locale: TranslationLocale;
    fullName: string | null;
    summary: string | null;
    bodyMd: string | null;
    factTexts: string[];
  },
) {
  await db
    .insertInto("caseTranslations")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["caseId", "locale"]).doUpdateSet({
        fullName: values.fullName,
        summary: values.summary,
        bodyMd: values.bodyMd,
        factTexts: values.factTexts,
        updatedAt: new Date(),
      }),
    )
    .execute();
}

export async function setCaseNameVariants(db: Executor, caseId: number, nameVariants: string) {
  await db.updateTable("cases").set({ nameVariants }).where("id", "=", caseId).execute();
}

export function listMediaTranslations(db: Executor, locale: TranslationLocale) {
  return db
    .selectFrom("mediaTranslations")
    .select(["mediaId", "title", "description", "imageAlt"])
    .where("locale", "=", locale)
    .execute();
}

export function listMediaTranslationsOfItem(db: Executor, mediaId: number) {
  return db.selectFrom("mediaTranslations").selectAll().where("mediaId", "=", mediaId).execute();
}

export async function upsertMediaTranslation(
  db: Executor,
  values: {
    mediaId: number;
    locale: TranslationLocale;
    title: string | null;
    description: string | null;
    imageAlt: string | null;
  },
) {
  const { mediaId: _m, locale: _l, ...fields } = values;
  await db
    .insertInto("mediaTranslations")
    .values(values)
    .onConflict((oc) => oc.columns(["mediaId", "locale"]).doUpdateSet({ ...fields, updatedAt: new Date() }))
    .execute();
}

export function listCampaignTranslations(db: Executor, campaignIds: number[], locale: TranslationLocale) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db
    .selectFrom("campaignTranslations")
    .select(["campaignId", "title", "summary", "bodyMd"])
    .where("campaignId", "in", campaignIds)
    .where("locale", "=", locale)
    .execute();
}

export function listCampaignTranslationsOfCampaign(db: Executor, campaignId: number) {
  return db.selectFrom("campaignTranslations").selectAll().where("campaignId", "=", campaignId).execute();
}

export async function upsertCampaignTranslation(
  db: Executor,
  values: {
    campaignId: number;
    locale: TranslationLocale;
    title: string | null;
    summary: string | null;
    bodyMd: string | null;
  },
) {
  const { campaignId: _c, locale: _l, ...fields } = values;
  await db
    .insertInto("campaignTranslations")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["campaignId", "locale"]).doUpdateSet({ ...fields, updatedAt: new Date() }),
    )
    .execute();
}

/** Published case files, help-identify items and public campaigns with the languages they have. */
export async function listTranslatables(db: Executor) {
  const [cases, media, campaigns] = await Promise.all([
    db
      .selectFrom("cases")
      .leftJoin("caseTranslations", "caseTranslations.caseId", "cases.id")
      .select(["cases.id", "cases.fullName as title", "caseTranslations.locale", "caseTranslations.summary"])
      .where("cases.published", "=", true)
      .orderBy("cases.fullName")
      .execute(),
    db
      .selectFrom("caseMedia")
      .leftJoin("mediaTranslations", "mediaTranslations.mediaId", "caseMedia.id")
      .select([
        "caseMedia.id",
        "caseMedia.title",
        "mediaTranslations.locale",
        "mediaTranslations.description as summary",
      ])
      .where("caseMedia.published", "=", true)
      .orderBy("caseMedia.title")
      .execute(),
    db
      .selectFrom("campaigns")
      .leftJoin("campaignTranslations", "campaignTranslations.campaignId", "campaigns.id")
      .select([
        "campaigns.id",
        "campaigns.title",
        "campaignTranslations.locale",
        "campaignTranslations.summary",
        // A story in English needs its translation too before a language counts as done.
        sql<boolean>`campaigns.body_md = '' or coalesce(trim(campaign_translations.body_md), '') <> ''`.as(
          "restDone",
        ),
      ])
      .where("campaigns.status", "!=", "draft")
      .orderBy("campaigns.title")
      .execute(),
  ]);
  return { cases, media, campaigns };
}
