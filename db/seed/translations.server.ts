import type { TranslationLocale } from "../schema";
import type { Trx } from "../index.server";
import type { SeedResult } from "./seed.server";
import { caseTranslations, mediaTranslations } from "./translations";

/** Sam Logan's case and the help-identify items in ko, ru, zh-Hans and zh-Hant (idempotent). */
export async function seedTranslations(trx: Trx): Promise<SeedResult> {
  let created = 0;
  let total = 0;
  for (const [slug, { nameVariants, text }] of Object.entries(caseTranslations)) {
    const c = await trx.selectFrom("cases").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!c) continue;
    await trx.updateTable("cases").set({ nameVariants }).where("id", "=", c.id).execute();
    for (const [locale, t] of Object.entries(text)) {
      total++;
      const row = await trx
        .insertInto("caseTranslations")
        .values({ caseId: c.id, locale: locale as TranslationLocale, ...t })
        .onConflict((oc) => oc.columns(["caseId", "locale"]).doNothing())
        .returning("caseId")
        .executeTakeFirst();
      if (row) created++;
    }
  }
  for (const [slug, byLocale] of Object.entries(mediaTranslations)) {
    const m = await trx.selectFrom("caseMedia").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!m) continue;
    for (const [locale, t] of Object.entries(byLocale)) {
      total++;
      const row = await trx
        .insertInto("mediaTranslations")
        .values({ mediaId: m.id, locale: locale as TranslationLocale, ...t })
        .onConflict((oc) => oc.columns(["mediaId", "locale"]).doNothing())
        .returning("mediaId")
        .executeTakeFirst();
      if (row) created++;
    }
  }
  return { created, unchanged: total - created };
}
