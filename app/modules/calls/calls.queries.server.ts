import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { CallOutcome, StatementPosition } from "~db/schema";

export function listCallScripts(db: Executor, campaignId: number) {
  return db
    .selectFrom("callScripts")
    .select(["position", "script"])
    .where("campaignId", "=", campaignId)
    .execute();
}

export async function upsertCallScripts(
  db: Executor,
  campaignId: number,
  organizerId: number,
  scripts: Array<{ position: StatementPosition; script: string }>,
) {
  const keep = scripts.filter((s) => s.script);
  const drop = scripts.filter((s) => !s.script).map((s) => s.position);
  if (keep.length)
    await db
      .insertInto("callScripts")
      .values(
        keep.map((s) => ({ campaignId, position: s.position, script: s.script, updatedBy: organizerId })),
      )
      .onConflict((oc) =>
        oc.columns(["campaignId", "position"]).doUpdateSet({
          script: sql`excluded.script`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        }),
      )
      .execute();
  if (drop.length)
    await db
      .deleteFrom("callScripts")
      .where("campaignId", "=", campaignId)
      .where("position", "in", drop)
      .execute();
}

/** Counts a call once per (view, office): false when this view already reported this office. */
export async function insertCall(
  db: Executor,
  values: {
    campaignId: number;
    officeCode: string | null;
    officialId: number | null;
    bioguide: string | null;
    outcome: CallOutcome;
    viewNonce: string;
    zip: string | null;
    ipHash: string;
  },
): Promise<boolean> {
  const r = await sql<{ id: number }>`
    insert into calls (campaign_id, office_code, official_id, bioguide, outcome, view_nonce, zip, ip_hash)
    values (${values.campaignId}, ${values.officeCode}, ${values.officialId}, ${values.bioguide}, ${values.outcome},
      ${values.viewNonce}, ${values.zip}, ${values.ipHash})
    on conflict (view_nonce, coalesce(office_code, ''), coalesce(official_id, 0)) do nothing
    returning id`.execute(db);
  return r.rows.length > 0;
}

/** Calls of a campaign per office, day and outcome over the last `days` days (UTC days). */
export async function listCallCounts(db: Executor, campaignId: number, days: number) {
  const r = await sql<{
    officeCode: string | null;
    officialId: number | null;
    day: string;
    outcome: CallOutcome;
    n: number;
  }>`
    select office_code, official_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, outcome, count(*)::int as n
    from calls
    where campaign_id = ${campaignId} and created_at > now() - make_interval(days => ${days})
    group by 1, 2, 3, 4
    order by 3 desc, 1, 2, 4`.execute(db);
  return r.rows;
}
