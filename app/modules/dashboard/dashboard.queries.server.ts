import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/** One campaign's count (and, for gifts, cents) in one hour. */
export interface HourRow {
  campaignId: number;
  hour: Date;
  n: number;
  cents?: number;
}

const rows = async <T>(q: Promise<{ rows: T[] }>) => (await q).rows;

/** Confirmed signatures per campaign and hour, from the hourly roll-up (never the signatures). */
export function signatureHours(db: Executor, campaignIds: number[], since: Date) {
  return rows(
    sql<HourRow>`
      select p.campaign_id as "campaignId", h.hour, sum(h.n)::int as n
      from petition_hourly_counts h join petitions p on p.id = h.petition_id
      where p.campaign_id = any(${campaignIds}::bigint[]) and h.hour >= ${since}
      group by 1, 2`.execute(db),
  );
}

/** Letters sent (one per office written to) per campaign and hour. */
export function letterHours(db: Executor, campaignIds: number[], since: Date) {
  return rows(
    sql<HourRow>`
      select campaign_id as "campaignId", date_trunc('hour', sent_at) as hour, count(*)::int as n
      from letters where campaign_id = any(${campaignIds}::bigint[]) and sent_at >= ${since}
      group by 1, 2`.execute(db),
  );
}

/** Calls reported (not the skipped ones) per campaign and hour. */
export function callHours(db: Executor, campaignIds: number[], since: Date) {
  return rows(
    sql<HourRow>`
      select campaign_id as "campaignId", date_trunc('hour', created_at) as hour, count(*)::int as n
      from calls where campaign_id = any(${campaignIds}::bigint[]) and created_at >= ${since} and outcome <> 'skipped'
      group by 1, 2`.execute(db),
  );
}

/** Gifts paid (live mode) per campaign and hour, with their amounts less refunds. */
export function giftHours(db: Executor, campaignIds: number[], since: Date) {
  return rows(
    sql<HourRow>`
      select d.campaign_id as "campaignId", date_trunc('hour', g.paid_at) as hour, count(*)::int as n,
        sum(g.amount_cents - g.refunded_cents)::int as cents
      from donation_gifts g join donations d on d.id = g.donation_id
      where g.paid_at >= ${since} and not d.test_mode and d.campaign_id = any(${campaignIds}::bigint[])
      group by 1, 2`.execute(db),
  );
}

/** Tips sent about the case files a campaign is linked to, per campaign and hour. */
export function tipHours(db: Executor, campaignIds: number[], since: Date) {
  return rows(
    sql<HourRow>`
      select cc.campaign_id as "campaignId", date_trunc('hour', t.created_at) as hour, count(*)::int as n
      from tips t join case_campaigns cc on cc.case_id = t.case_id
      where t.created_at >= ${since} and cc.campaign_id = any(${campaignIds}::bigint[])
      group by 1, 2`.execute(db),
  );
}

/** The states with the most confirmed signatures, all petitions together (state roll-up). */
export function topStates(db: Executor, limit: number) {
  return rows(
    sql<{ state: string; n: number }>`
      select us_state as state, sum(n)::int as n from petition_state_counts
      group by 1 having sum(n) > 0 order by 2 desc, 1 limit ${limit}`.execute(db),
  );
}

/** The districts with the most confirmed signatures (district roll-up; -1: district not known). */
export function topDistricts(db: Executor, limit: number) {
  return rows(
    sql<{ state: string; district: number; n: number }>`
      select us_state as state, district, sum(n)::int as n from petition_district_counts
      group by 1, 2 having sum(n) > 0 order by 3 desc, 1, 2 limit ${limit}`.execute(db),
  );
}

/** The update whose sending started last. */
export function lastMailing(db: Executor) {
  return db
    .selectFrom("mailings")
    .leftJoin("campaigns", "campaigns.id", "mailings.campaignId")
    .select([
      "mailings.id",
      "mailings.subject",
      "mailings.status",
      "mailings.startedAt",
      "mailings.campaignId",
      "campaigns.title as campaignTitle",
    ])
    .where("mailings.startedAt", "is not", null)
    .orderBy("mailings.startedAt", "desc")
    .orderBy("mailings.id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Recipients of an update who unsubscribed (from it, its campaign, or everything) after it went out. */
export async function unsubscribedAfter(db: Executor, mailingId: number): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from deliveries d join mailings m on m.id = d.mailing_id
    where d.mailing_id = ${mailingId} and d.status = 'sent' and (
      exists (select 1 from consents c where c.supporter_id = d.supporter_id and c.withdrawn_at >= m.started_at
        and (c.scope = 'all' or c.campaign_id = m.campaign_id))
      or exists (select 1 from campaign_opt_outs o where o.supporter_id = d.supporter_id
        and o.campaign_id = m.campaign_id and o.created_at >= m.started_at))`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Counts of what waits for someone: new tips, supporters' replies to verify, recent mail failures. */
export async function waitingCounts(db: Executor) {
  const r = await sql<{ newTips: number; replies: number; failedEmails: number }>`
    select
      (select count(*) from tips where status = 'new')::int as "newTips",
      (select count(*) from statements where verified_at is null and dismissed_at is null and origin = 'supporter')::int as replies,
      (select count(*) from emails where status = 'failed' and created_at > now() - interval '30 days')::int as "failedEmails"`.execute(
    db,
  );
  return r.rows[0] ?? { newTips: 0, replies: 0, failedEmails: 0 };
}

/** Petitions with IP hashes above `threshold` signatures in one hour over the last day (IP roll-up). */
export function trendingPetitions(db: Executor, threshold: number) {
  return rows(
    sql<{ petitionId: number; campaignTitle: string; ips: number; most: number }>`
      select h.petition_id as "petitionId", c.title as "campaignTitle", count(distinct h.ip_hash)::int as ips, max(h.n)::int as most
      from petition_ip_hourly_counts h join petitions p on p.id = h.petition_id join campaigns c on c.id = p.campaign_id
      where h.hour > now() - interval '24 hours' and h.n > ${threshold}
      group by 1, 2 order by 3 desc, 1 limit 20`.execute(db),
  );
}

/** Letters Congress's CWC refused, per campaign. */
export function refusedDeliveries(db: Executor) {
  return rows(
    sql<{ campaignId: number; campaignTitle: string; n: number }>`
      select d.campaign_id as "campaignId", c.title as "campaignTitle", count(*)::int as n
      from cwc_deliveries d join campaigns c on c.id = d.campaign_id
      where d.status = 'refused' group by 1, 2 order by 3 desc, 1`.execute(db),
  );
}
