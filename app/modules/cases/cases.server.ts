import { db } from "~db/index.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import type { Locale } from "~/i18n/locales";
import {
  campaignsInLocale,
  caseInLocale,
  caseListInLocale,
} from "~/modules/translations/translations.server";
import { searchWords, toPrefixQuery } from "./cases";
import { parseTimeline, type CaseForm } from "./cases.schema";
import {
  findCaseById,
  findCaseBySlug,
  insertCase,
  listCampaignsForCase,
  listCaseFacts,
  listRecentCases,
  replaceCaseFacts,
  searchCases,
  updateCase,
  type CaseFilters,
} from "./cases.queries.server";

/**
 * Case files by search words in any script: the name, its variants in other scripts, the
 * translated names and the text. Listed in the page's language where translated.
 */
export async function findCases(
  search: { q: string; conflict?: CaseFilters["conflict"]; status?: CaseFilters["status"] },
  includeUnpublished = false,
  locale: Locale = "en",
) {
  const rows = await searchCases(db(), {
    tsquery: toPrefixQuery(search.q),
    words: searchWords(search.q),
    conflict: search.conflict,
    status: search.status,
    includeUnpublished,
  });
  return caseListInLocale(rows, locale);
}

export async function recentCases(limit = 3, locale: Locale = "en") {
  return caseListInLocale(await listRecentCases(db(), limit), locale);
}

/**
 * A published case as a visitor sees it, in the page's language where an organizer translated
 * it (English otherwise, and `untranslated` says so): story, dated timeline, related campaigns.
 */
export async function getPublicCase(slug: string, locale: Locale = "en") {
  const found = await findCaseBySlug(db(), slug);
  if (!found || !found.published) return null;
  const [facts, campaigns] = await Promise.all([
    listCaseFacts(db(), found.id),
    listCampaignsForCase(db(), found.id),
  ]);
  const local = await caseInLocale(found, facts, locale);
  const { nameVariants, ...rest } = found;
  return {
    ...rest,
    ...local.text,
    englishName: found.fullName,
    nameVariants: nameVariants.trim(),
    lang: local.lang,
    untranslated: local.untranslated,
    bodyHtml: renderMarkdown(local.text.bodyMd),
    facts: local.facts,
    campaigns: await campaignsInLocale(
      campaigns.map((c) => ({ ...c, id: c.id })),
      locale,
    ),
  };
}

export async function getCaseForEdit(id: number) {
  const found = await findCaseById(db(), id);
  if (!found) return null;
  return { ...found, facts: await listCaseFacts(db(), id) };
}

export type SaveCaseResult =
  | { ok: true; id: number; slug: string }
  | { ok: false; fields: Record<string, string> };

function values(form: CaseForm) {
  const { timeline: _timeline, ...rest } = form;
  return rest;
}

export async function saveCase(actorId: number, id: number | null, form: CaseForm): Promise<SaveCaseResult> {
  const timeline = parseTimeline(form.timeline);
  if (timeline.error) return { ok: false, fields: { timeline: timeline.error } };
  const clash = await findCaseBySlug(db(), form.slug);
  if (clash && clash.id !== id)
    return { ok: false, fields: { slug: "Another case file already uses this slug." } };
  return db()
    .transaction()
    .execute(async (trx) => {
      let caseId = id;
      if (caseId === null) {
        const row = await insertCase(trx, values(form));
        if (!row)
          return { ok: false, fields: { slug: "Another case file already uses this slug." } } as const;
        caseId = row.id;
      } else {
        await updateCase(trx, caseId, values(form));
      }
      await replaceCaseFacts(trx, caseId, timeline.facts);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: id === null ? "case.create" : "case.update",
        subjectType: "case",
        subjectId: caseId,
        details: { slug: form.slug, published: form.published },
      });
      return { ok: true, id: caseId, slug: form.slug } as const;
    });
}
