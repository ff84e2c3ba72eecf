import { type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "~db/schema";
import type { Executor } from "~db/index.server";
import type { SupporterSearch } from "./supporters-admin.schema";

/**
 * The organizer's supporter search: by name or email (a prefix of either), ZIP, state, district,
 * a tag, and a campaign or kind of action. Erased supporters are left out (there is nothing to show).
 */
export function searchSupporters(db: Executor, s: SupporterSearch, limit: number, offset: number) {
  return matching(
    db
      .selectFrom("supporters")
      .select(["id", "email", "firstName", "lastName", "zip", "state", "district", "createdAt"]),
    s,
  )
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The members of a saved segment, as a query of supporter ids (an update's audience). */
export function segmentMembers(db: Executor, s: SupporterSearch) {
  return matching(db.selectFrom("supporters").select("supporters.id as supporterId"), s);
}

/** The search's filters on a query of `supporters` (one rule for the search and for segments). */
function matching<Q extends SelectQueryBuilder<Database, "supporters", any>>(
  query: Q,
  s: SupporterSearch,
): Q {
  let q = query.where("erasedAt", "is", null) as Q;
  if (s.q) {
    const prefix = `${s.q.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
    q = q.where((eb) =>
      eb.or([
        eb("emailCanonical", "like", prefix),
        eb(sql<string>`lower(first_name)`, "like", prefix),
        eb(sql<string>`lower(last_name)`, "like", prefix),
        eb(sql<string>`lower(first_name || ' ' || last_name)`, "like", prefix),
      ]),
    ) as Q;
  }
  if (s.zip) q = q.where("zip", "like", `${s.zip}%`) as Q;
  if (s.tag)
    q = q.where(
      sql<boolean>`exists (select 1 from supporter_tags t where t.supporter_id = supporters.id and t.tag = ${s.tag})`,
    ) as Q;
  if (s.state) q = q.where("state", "=", s.state) as Q;
  if (s.district !== undefined) q = q.where("district", "=", s.district) as Q;
  const signed = (campaignId?: number) =>
    sql<boolean>`exists (select 1 from signatures g join petitions p on p.id = g.petition_id
      where g.supporter_id = supporters.id ${campaignId ? sql`and p.campaign_id = ${campaignId}` : sql``})`;
  const wrote = (campaignId?: number) =>
    sql<boolean>`exists (select 1 from letter_submissions l where l.supporter_id = supporters.id
      ${campaignId ? sql`and l.campaign_id = ${campaignId}` : sql``})`;
  const gave = (campaignId?: number) =>
    sql<boolean>`exists (select 1 from donations d where d.supporter_id = supporters.id
      ${campaignId ? sql`and d.campaign_id = ${campaignId}` : sql``})`;
  if (s.action === "signed") q = q.where(signed(s.campaignId)) as Q;
  else if (s.action === "wrote") q = q.where(wrote(s.campaignId)) as Q;
  else if (s.action === "gave") q = q.where(gave(s.campaignId)) as Q;
  else if (s.campaignId)
    q = q.where((eb) => eb.or([signed(s.campaignId), wrote(s.campaignId), gave(s.campaignId)])) as Q;
  return q;
}

export function listSupporterTags(db: Executor, supporterId: number) {
  return db
    .selectFrom("supporterTags")
    .select("tag")
    .where("supporterId", "=", supporterId)
    .orderBy("tag")
    .execute();
}

/** Every tag in use, for the search's choice. */
export function listAllTags(db: Executor) {
  return db.selectFrom("supporterTags").select("tag").distinct().orderBy("tag").limit(500).execute();
}

export async function insertSupporterTag(db: Executor, supporterId: number, tag: string, createdBy: number) {
  await db
    .insertInto("supporterTags")
    .values({ supporterId, tag, createdBy })
    .onConflict((oc) => oc.columns(["supporterId", "tag"]).doNothing())
    .execute();
}

export async function deleteSupporterTag(db: Executor, supporterId: number, tag: string) {
  await db
    .deleteFrom("supporterTags")
    .where("supporterId", "=", supporterId)
    .where("tag", "=", tag)
    .execute();
}
