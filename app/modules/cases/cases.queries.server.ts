import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { Insertable } from "kysely";
import type { CaseConflict, CasesTable, CaseStatus } from "~db/schema";

const listColumns = [
  "cases.id",
  "cases.slug",
  "cases.fullName",
  "cases.rank",
  "cases.service",
  "cases.conflict",
  "cases.status",
  "cases.lossDate",
  "cases.lossPlace",
  "cases.summary",
  "cases.photoUrl",
  "cases.updatedAt",
] as const;

export interface CaseFilters {
  /** A prefix tsquery from toPrefixQuery(). */
  tsquery?: string | null;
  /** The same words found anywhere in a name, its variants or its translations (CJK has no spaces). */
  words?: string[];
  conflict?: CaseConflict;
  status?: CaseStatus;
  includeUnpublished?: boolean;
  limit?: number;
}

/** Case files by full-text search (names without stemming, text with English stemming). */
export function searchCases(db: Executor, filters: CaseFilters) {
  let q = db.selectFrom("cases").select(listColumns);
  if (!filters.includeUnpublished) q = q.where("published", "=", true);
  if (filters.conflict) q = q.where("conflict", "=", filters.conflict);
  if (filters.status) q = q.where("status", "=", filters.status);
  if (filters.tsquery) {
    const query = sql`(to_tsquery('simple', ${filters.tsquery}) || to_tsquery('english', ${filters.tsquery}))`;
    const words = filters.words ?? [];
    // Case-folded with ICU, so Cyrillic folds whatever the database's own locale is.
    const names = sql`lower((cases.full_name || ' ' || cases.name_variants || ' ' || coalesce((
      select string_agg(coalesce(ct.full_name, '') || ' ' || coalesce(ct.summary, ''), ' ')
      from case_translations ct where ct.case_id = cases.id), '')) collate "und-x-icu")`;
    q = q
      .where((eb) =>
        eb.or([
          sql<boolean>`search @@ ${query}`,
          ...(words.length
            ? [
                eb.and(
                  words.map((w) => sql<boolean>`strpos(${names}, lower(${w}::text collate "und-x-icu")) > 0`),
                ),
              ]
            : []),
        ]),
      )
      .orderBy(sql`ts_rank(search, ${query})`, "desc");
  }
  return q
    .orderBy("fullName")
    .limit(filters.limit ?? 200)
    .execute();
}

export function listRecentCases(db: Executor, limit: number) {
  return db
    .selectFrom("cases")
    .select(listColumns)
    .where("published", "=", true)
    .orderBy("updatedAt", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export function findCaseBySlug(db: Executor, slug: string) {
  return db.selectFrom("cases").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function findCaseById(db: Executor, id: number) {
  return db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listCaseFacts(db: Executor, caseId: number) {
  return db
    .selectFrom("caseFacts")
    .select(["position", "occurredOn", "fact", "sourceTitle", "sourceUrl"])
    .where("caseId", "=", caseId)
    .orderBy("position")
    .execute();
}

export function listCampaignsForCase(db: Executor, caseId: number) {
  return db
    .selectFrom("caseCampaigns")
    .innerJoin("campaigns", "campaigns.id", "caseCampaigns.campaignId")
    .select(["campaigns.id", "campaigns.slug", "campaigns.title", "campaigns.summary", "campaigns.status"])
    .where("caseCampaigns.caseId", "=", caseId)
    .where("campaigns.status", "!=", "draft")
    .execute();
}

export function listCasesForCampaign(db: Executor, campaignId: number) {
  return db
    .selectFrom("caseCampaigns")
    .innerJoin("cases", "cases.id", "caseCampaigns.caseId")
    .select(["cases.slug", "cases.fullName", "cases.summary", "cases.status"])
    .where("caseCampaigns.campaignId", "=", campaignId)
    .where("cases.published", "=", true)
    .orderBy("cases.fullName")
    .execute();
}

export type CaseValues = Omit<Insertable<CasesTable>, "id" | "createdAt" | "updatedAt" | "search"> & {
  bodyMd: string;
  published: boolean;
};

export function insertCase(db: Executor, values: CaseValues) {
  return db
    .insertInto("cases")
    .values(values)
    .onConflict((oc) => oc.column("slug").doNothing())
    .returning(["id", "slug"])
    .executeTakeFirst();
}

export async function updateCase(db: Executor, id: number, values: CaseValues) {
  await db
    .updateTable("cases")
    .set({ ...values, updatedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function replaceCaseFacts(
  db: Executor,
  caseId: number,
  facts: Array<{
    occurredOn: string | null;
    fact: string;
    sourceTitle: string | null;
    sourceUrl: string | null;
  }>,
) {
  await db.deleteFrom("caseFacts").where("caseId", "=", caseId).execute();
  if (facts.length)
    await db
      .insertInto("caseFacts")
      .values(facts.map((f, position) => ({ caseId, position, ...f })))
      .execute();
}
