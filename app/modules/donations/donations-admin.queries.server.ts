import { sql, type ExpressionBuilder } from "kysely";
import type { Executor } from "~db/index.server";
import type { Database, DonationFrequency, DonationStatus } from "~db/schema";

export interface DonationFilters {
  campaign?: number | "general";
  status?: DonationStatus;
  frequency?: DonationFrequency;
  from?: string;
  to?: string;
  testMode?: boolean;
}

type DonationsEb = ExpressionBuilder<Database, "donations">;

function where(eb: DonationsEb, f: DonationFilters) {
  const conds = [];
  if (f.campaign === "general") conds.push(eb("donations.campaignId", "is", null));
  else if (f.campaign) conds.push(eb("donations.campaignId", "=", f.campaign));
  if (f.status) conds.push(eb("donations.status", "=", f.status));
  if (f.frequency) conds.push(eb("donations.frequency", "=", f.frequency));
  if (f.from) conds.push(eb("donations.createdAt", ">=", new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conds.push(eb("donations.createdAt", "<", sql<Date>`${f.to}::date + 1`));
  if (f.testMode !== undefined) conds.push(eb("donations.testMode", "=", f.testMode));
  return eb.and(conds);
}

const givenCents = sql<number>`(select coalesce(sum(g.amount_cents - g.refunded_cents), 0)::bigint from donation_gifts g where g.donation_id = donations.id and g.status = 'succeeded')`;
const giftCount = sql<number>`(select count(*)::int from donation_gifts g where g.donation_id = donations.id and g.status = 'succeeded')`;

/** One page of donations, newest first; the email column is only read when asked for. */
export function listDonations(
  db: Executor,
  f: DonationFilters,
  options: {
    includeNames: boolean;
    includeEmail: boolean;
    limit: number;
    afterId?: number;
    offset?: number;
    order?: "newest" | "oldest";
  },
) {
  let q = db
    .selectFrom("donations")
    .leftJoin("campaigns", "campaigns.id", "donations.campaignId")
    .select([
      "donations.id",
      "donations.createdAt",
      "donations.completedAt",
      "donations.canceledAt",
      "donations.frequency",
      "donations.amountCents",
      "donations.status",
      "donations.testMode",
      "campaigns.title as campaignTitle",
      "campaigns.slug as campaignSlug",
      givenCents.as("givenCents"),
      giftCount.as("giftCount"),
      (options.includeNames ? sql<string>`donations.name` : sql<string>`''`).as("name"),
      (options.includeEmail ? sql<string | null>`donations.email` : sql<string | null>`null`).as("email"),
    ])
    .where((eb) => where(eb, f));
  if (options.order === "oldest") {
    q = q.orderBy("donations.id", "asc");
    if (options.afterId) q = q.where("donations.id", ">", options.afterId);
  } else q = q.orderBy("donations.id", "desc").offset(options.offset ?? 0);
  return q.limit(options.limit).execute();
}

/** Money that stayed (succeeded, less refunds) by campaign, with donors and gifts. */
export function totalsByCampaign(db: Executor, f: DonationFilters) {
  return db
    .selectFrom("donationGifts as g")
    .innerJoin("donations", "donations.id", "g.donationId")
    .leftJoin("campaigns", "campaigns.id", "donations.campaignId")
    .select([
      "campaigns.title as campaignTitle",
      sql<number>`coalesce(sum(g.amount_cents - g.refunded_cents) filter (where g.status = 'succeeded'), 0)::bigint`.as(
        "raisedCents",
      ),
      sql<number>`count(*) filter (where g.status = 'succeeded')::int`.as("gifts"),
      sql<number>`count(distinct donations.id) filter (where g.status = 'succeeded')::int`.as("donors"),
      sql<number>`coalesce(sum(g.amount_cents) filter (where g.status in ('refunded', 'disputed')), 0)::bigint`.as(
        "lostCents",
      ),
    ])
    .where((eb) => where(eb, f))
    .groupBy(["campaigns.id", "campaigns.title"])
    .orderBy("raisedCents", "desc")
    .execute();
}

/** Money that stayed, by the month it was paid (the last `months` months, empty months included). */
export async function totalsByMonth(db: Executor, f: DonationFilters, months = 12) {
  const rows = await db
    .selectFrom("donationGifts as g")
    .innerJoin("donations", "donations.id", "g.donationId")
    .select([
      sql<string>`to_char(date_trunc('month', g.paid_at at time zone 'UTC'), 'YYYY-MM')`.as("month"),
      sql<number>`sum(g.amount_cents - g.refunded_cents)::bigint`.as("raisedCents"),
      sql<number>`count(*)::int`.as("gifts"),
    ])
    .where("g.status", "=", "succeeded")
    .where(
      "g.paidAt",
      ">=",
      sql<Date>`date_trunc('month', now() at time zone 'UTC') - make_interval(months => ${months - 1})`,
    )
    .where((eb) => where(eb, f))
    .groupBy(sql`1`)
    .execute();
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const now = new Date();
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1));
    const month = d.toISOString().slice(0, 7);
    return {
      month,
      raisedCents: byMonth.get(month)?.raisedCents ?? 0,
      gifts: byMonth.get(month)?.gifts ?? 0,
    };
  });
}

export function listFundCampaigns(db: Executor) {
  return db
    .selectFrom("donationFunds")
    .innerJoin("campaigns", "campaigns.id", "donationFunds.campaignId")
    .select([
      "campaigns.id",
      "campaigns.title",
      "donationFunds.goalCents",
      "donationFunds.raisedCents",
      "donationFunds.donorCount",
    ])
    .orderBy("campaigns.title")
    .execute();
}
