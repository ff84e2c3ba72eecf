import { type RawBuilder, sql } from "kysely";
import type { Executor } from "~db/index.server";

/* The stored Congresses and what each holds. */

export function listCongresses(db: Executor) {
  return db.selectFrom("congresses").select(["number", "takesEffectAt"]).orderBy("number").execute();
}

/**
 * The Congress in force at an instant as a SQL expression, for a query that cannot await
 * `congressAt` (congress.server.ts) first: the same rule (the newest stored Congress whose moment
 * has passed, else the oldest), tested to agree with it across a switch.
 */
export function congressInForceSql(at: Date): RawBuilder<number> {
  return sql<number>`(select coalesce(max(number) filter (where takes_effect_at <= ${at}), min(number)) from congresses)`;
}

/** Records a Congress's data (inserted or re-imported) and the instant it takes effect. */
export async function upsertCongress(db: Executor, number: number, takesEffectAt: Date, importId: number) {
  await db
    .insertInto("congresses")
    .values({ number, takesEffectAt, importId })
    .onConflict((oc) => oc.column("number").doUpdateSet({ importId, takesEffectAt }))
    .execute();
}

/** Per Congress: the moment of the switch and how many members, ZIPs and committee seats it holds. */
export async function listCongressSummaries(db: Executor) {
  const result = await sql<{
    number: number;
    takesEffectAt: Date;
    importedAt: Date | null;
    source: string | null;
    members: number;
    zips: number;
    committees: number;
    memberships: number;
  }>`
    select c.number, c.takes_effect_at as "takesEffectAt", i.imported_at as "importedAt", i.source,
      (select count(*)::int from legislators l where l.congress = c.number) as members,
      (select count(distinct zip)::int from zip_districts z where z.congress = c.number) as zips,
      (select count(*)::int from committees k where k.congress = c.number) as committees,
      (select count(*)::int from committee_members m where m.congress = c.number) as memberships
    from congresses c left join data_imports i on i.id = c.import_id
    order by c.number
  `.execute(db);
  return result.rows;
}

/** Campaigns with a committee among their targets (to warn organizers about empty rosters). */
export function listCampaignsWithCommitteeRules(db: Executor) {
  return db
    .selectFrom("campaignTargetRules as r")
    .innerJoin("campaigns as c", "c.id", "r.campaignId")
    .select(["c.id", "c.title"])
    .distinct()
    .where("r.kind", "=", "committee")
    .orderBy("c.id")
    .execute();
}
