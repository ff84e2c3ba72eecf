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
    /** The caller when known; dropped (an anonymous call) when no such live supporter exists. */
    supporterId: number | null;
  },
): Promise<boolean> {
  const r = await sql<{ id: number }>`
    insert into calls (campaign_id, office_code, official_id, bioguide, outcome, view_nonce, zip, ip_hash, supporter_id)
    values (${values.campaignId}, ${values.officeCode}, ${values.officialId}, ${values.bioguide}, ${values.outcome},
      ${values.viewNonce}, ${values.zip}, ${values.ipHash},
      (select id from supporters where id = ${values.supporterId} and erased_at is null))
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

/** The scripts written for one official and position (a seat by office code, or an official). */
export function listScriptOverrides(db: Executor, campaignId: number) {
  return db
    .selectFrom("callScriptOverrides")
    .select(["id", "officeCode", "officialId", "position", "script"])
    .where("campaignId", "=", campaignId)
    .orderBy("officeCode")
    .orderBy("officialId")
    .orderBy("position")
    .execute();
}

export async function upsertScriptOverride(
  db: Executor,
  values: {
    campaignId: number;
    officeCode: string | null;
    officialId: number | null;
    position: StatementPosition;
    script: string;
    updatedBy: number;
  },
) {
  await sql`
    insert into call_script_overrides (campaign_id, office_code, official_id, position, script, updated_by)
    values (${values.campaignId}, ${values.officeCode}, ${values.officialId}, ${values.position}, ${values.script},
      ${values.updatedBy})
    on conflict (campaign_id, coalesce(office_code, ''), coalesce(official_id, 0), position)
    do update set script = excluded.script, updated_by = excluded.updated_by, updated_at = now()`.execute(db);
}

export async function deleteScriptOverride(db: Executor, campaignId: number, id: number): Promise<boolean> {
  const r = await db
    .deleteFrom("callScriptOverrides")
    .where("campaignId", "=", campaignId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Confirmed signatures and letter submissions of a campaign per UTC day and the signer's or
 * writer's state and district, over the last `days` days: what the calls are set beside.
 */
export async function listDailySeatActivity(db: Executor, campaignId: number, days: number) {
  const r = await sql<{
    source: "signed" | "wrote";
    day: string;
    state: string;
    district: number | null;
    n: number;
  }>`
    select 'signed' as source, to_char(sg.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as day,
        sg.us_state as state, sg.district, count(*)::int as n
      from signatures sg join petitions p on p.id = sg.petition_id
      where p.campaign_id = ${campaignId} and sg.state = 'confirmed' and sg.us_state is not null
        and sg.confirmed_at > now() - make_interval(days => ${days})
      group by 2, 3, 4
    union all
    select 'wrote', to_char(ls.created_at at time zone 'UTC', 'YYYY-MM-DD'), ls.state, ls.district, count(*)::int
      from letter_submissions ls
      where ls.campaign_id = ${campaignId} and ls.created_at > now() - make_interval(days => ${days})
      group by 2, 3, 4`.execute(db);
  return r.rows;
}
