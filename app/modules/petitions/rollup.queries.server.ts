import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import { addJob } from "~/modules/jobs/jobs.queries.server";

/** Serialises roll-up writers (the job, a recompute) so count rows are never updated in two orders at once. */
export async function lockRollup(trx: Executor) {
  await sql`select pg_advisory_xact_lock(hashtext('petitions.signature_rollup'))`.execute(trx);
}

/**
 * Folds up to `limit` signatures whose state differs from what was counted into the roll-ups:
 * +1 in the new state's buckets, -1 in the old one's. The per-row `counted_state` is the
 * watermark; it also catches state changes of old rows (confirmation, invalidation).
 */
export async function foldSignatureBatch(trx: Executor, limit: number): Promise<number> {
  const result = await sql<{ folded: number }>`
    with batch as (
      select id, petition_id, state, counted_state, us_state, coalesce(district, -1) as district,
        date_trunc('hour', coalesce(confirmed_at, created_at)) as hour, ip_hash, date_trunc('hour', created_at) as arrived
      from signatures
      where counted_state is distinct from state
      order by id
      limit ${limit}
      for update skip locked
    ),
    mark as (
      update signatures s set counted_state = b.state from batch b where s.id = b.id returning s.id
    ),
    deltas as (
      select petition_id, state as st, 1 as d, us_state, district, hour from batch
      union all
      select petition_id, counted_state, -1, us_state, district, hour from batch where counted_state is not null
    ),
    c1 as (
      insert into petition_counts (petition_id, state, n)
      select petition_id, st, sum(d) from deltas group by 1, 2
      on conflict (petition_id, state) do update set n = petition_counts.n + excluded.n
      returning 1
    ),
    c2 as (
      insert into petition_state_counts (petition_id, us_state, n)
      select petition_id, us_state, sum(d) from deltas where st = 'confirmed' and us_state is not null group by 1, 2
      on conflict (petition_id, us_state) do update set n = petition_state_counts.n + excluded.n
      returning 1
    ),
    c3 as (
      insert into petition_district_counts (petition_id, us_state, district, n)
      select petition_id, us_state, district, sum(d) from deltas where st = 'confirmed' and us_state is not null group by 1, 2, 3
      on conflict (petition_id, us_state, district) do update set n = petition_district_counts.n + excluded.n
      returning 1
    ),
    c4 as (
      insert into petition_hourly_counts (petition_id, hour, n)
      select petition_id, hour, sum(d) from deltas where st = 'confirmed' group by 1, 2
      on conflict (petition_id, hour) do update set n = petition_hourly_counts.n + excluded.n
      returning 1
    ),
    c5 as (
      insert into petition_ip_hourly_counts (hour, petition_id, ip_hash, n)
      select arrived, petition_id, ip_hash, count(*) from batch
      where counted_state is null and ip_hash is not null and arrived > now() - interval '48 hours' group by 1, 2, 3
      on conflict (hour, petition_id, ip_hash) do update set n = petition_ip_hourly_counts.n + excluded.n
      returning 1
    )
    select (select count(*) from mark)::int as folded`.execute(trx);
  return result.rows[0]?.folded ?? 0;
}

/** The trending-sources roll-up keeps two days: IP hashes are not kept longer than the signal needs. */
export async function pruneIpHourlyCounts(trx: Executor) {
  await sql`delete from petition_ip_hourly_counts where hour < now() - interval '48 hours'`.execute(trx);
}

export async function stampRollupRun(trx: Executor, folded: number) {
  await sql`update signature_rollup_runs set ran_at = now(), folded = folded + ${folded}`.execute(trx);
}

/** Rebuilds one petition's roll-ups from its signatures (after a bulk invalidation; admin "recompute"). */
export async function rebuildPetitionRollups(trx: Executor, petitionId: number) {
  await sql`update signatures set counted_state = state where petition_id = ${petitionId} and counted_state is distinct from state`.execute(
    trx,
  );
  for (const table of [
    "petition_counts",
    "petition_state_counts",
    "petition_district_counts",
    "petition_hourly_counts",
  ]) {
    await sql`delete from ${sql.table(table)} where petition_id = ${petitionId}`.execute(trx);
  }
  await sql`
    insert into petition_counts (petition_id, state, n)
    select petition_id, state, count(*) from signatures where petition_id = ${petitionId} group by 1, 2`.execute(
    trx,
  );
  await sql`
    insert into petition_state_counts (petition_id, us_state, n)
    select petition_id, us_state, count(*) from signatures where petition_id = ${petitionId} and state = 'confirmed' and us_state is not null group by 1, 2`.execute(
    trx,
  );
  await sql`
    insert into petition_district_counts (petition_id, us_state, district, n)
    select petition_id, us_state, coalesce(district, -1), count(*) from signatures
    where petition_id = ${petitionId} and state = 'confirmed' and us_state is not null group by 1, 2, 3`.execute(
    trx,
  );
  await sql`
    insert into petition_hourly_counts (petition_id, hour, n)
    select petition_id, date_trunc('hour', coalesce(confirmed_at, created_at)), count(*) from signatures
    where petition_id = ${petitionId} and state = 'confirmed' group by 1, 2`.execute(trx);
}

/** A pending signature removed before or after it was counted ("it wasn't me"). */
export async function uncountRemovedSignature(
  trx: Executor,
  petitionId: number,
  countedState: string | null,
) {
  if (!countedState) return;
  await sql`update petition_counts set n = n - 1 where petition_id = ${petitionId} and state = ${countedState}`.execute(
    trx,
  );
}

/**
 * Graphile job that re-schedules itself: the job_key keeps at most one waiting, and a high
 * priority keeps it ahead of a backlog of send_email jobs during a surge.
 */
export async function scheduleJob(
  db: Executor,
  task: "roll_up_signatures" | "send_signature_emails",
  delaySeconds: number,
) {
  await addJob(
    db,
    task,
    {},
    {
      runAt: { inSeconds: delaySeconds },
      jobKey: task,
      jobKeyMode: "preserve_run_at",
      maxAttempts: 3,
      priority: -10,
      // One at a time across every worker process (the fold also takes an advisory lock).
      queueName: task,
    },
  );
}

/**
 * Retention: pending signatures never confirmed within `days` are deleted with their pending
 * consents, and taken out of the pending counts they were folded into (call under lockRollup).
 */
export async function deleteUnconfirmedSignatures(trx: Executor, days: number): Promise<number> {
  const r = await sql<{ n: number }>`
    with gone as (
      delete from signatures where state = 'pending' and created_at < now() - make_interval(days => ${days})
      returning id, petition_id, counted_state
    ),
    consents_gone as (
      delete from consents where proven_at is null and proof in (select 'signature:' || id from gone) returning 1
    ),
    uncounted as (
      update petition_counts pc set n = pc.n - g.k
      from (select petition_id, counted_state, count(*) as k from gone where counted_state is not null group by 1, 2) g
      where pc.petition_id = g.petition_id and pc.state = g.counted_state
      returning 1
    )
    select (select count(*) from gone)::int as n`.execute(trx);
  return r.rows[0]?.n ?? 0;
}
