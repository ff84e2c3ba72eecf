import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Executor } from "~db/index.server";
import { type FilterColumns, filterSql } from "./filter-sql.server";
import type { Filter } from "./filter";
import type { Page } from "./osdi";

/* Donations, advocacy campaigns and outreaches (letters and call reports) for the OSDI API. */
const page = <Q extends { limit(n: number): Q; offset(n: number): Q }>(q: Q, p: Page) =>
  q.limit(p.perPage).offset((p.page - 1) * p.perPage);

const donationModified = sql<Date>`greatest(${sql.ref("donations.createdAt")}, ${sql.ref("donations.completedAt")}, ${sql.ref("donations.canceledAt")})`;
export const DONATION_FILTERS: FilterColumns = {
  created_date: { kind: "date", ref: sql.ref("donations.createdAt") },
  modified_date: { kind: "date", ref: donationModified },
};

/** Gifts that were made (a checkout never completed is not a donation). */
function donations(db: Executor, where: RawBuilder<SqlBool>) {
  return db
    .selectFrom("donations")
    .leftJoin("campaigns", "campaigns.id", "donations.campaignId")
    .leftJoin("supporters", (j) =>
      j.onRef("supporters.id", "=", "donations.supporterId").on("supporters.erasedAt", "is", null),
    )
    .where("donations.completedAt", "is not", null)
    .where(where);
}

function donationColumns(db: Executor, where: RawBuilder<SqlBool>) {
  return donations(db, where).select([
    "donations.id",
    "donations.amountCents",
    "donations.currency",
    "donations.frequency",
    "donations.status",
    "donations.testMode",
    "donations.createdAt",
    "donations.completedAt",
    donationModified.as("modifiedAt"),
    "campaigns.title as campaignTitle",
    "supporters.id as donorId",
  ]);
}
export type DonationRow = Awaited<ReturnType<ReturnType<typeof donationColumns>["executeTakeFirstOrThrow"]>>;

export async function listDonations(db: Executor, filter: Filter | null, p: Page) {
  const where = filterSql(filter, DONATION_FILTERS);
  const [rows, total] = await Promise.all([
    page(donationColumns(db, where).orderBy("donations.id"), p).execute(),
    donations(db, where).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function findDonation(db: Executor, id: number) {
  return donationColumns(db, sql<SqlBool>`true`).where("donations.id", "=", id).executeTakeFirst();
}

export const CAMPAIGN_FILTERS: FilterColumns = {
  created_date: { kind: "date", ref: sql.ref("campaigns.createdAt") },
  modified_date: { kind: "date", ref: sql.ref("campaigns.updatedAt") },
};

function campaignColumns(db: Executor, where: RawBuilder<SqlBool>) {
  return db
    .selectFrom("campaigns")
    .where(where)
    .select([
      "campaigns.id",
      "campaigns.slug",
      "campaigns.title",
      "campaigns.summary",
      "campaigns.status",
      "campaigns.targetSummary",
      "campaigns.createdAt",
      "campaigns.updatedAt",
      sql<number>`((select count(*) from letters l where l.campaign_id = campaigns.id)
        + (select count(*) from calls c where c.campaign_id = campaigns.id))::int`.as("outreaches"),
    ]);
}
export type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignColumns>["executeTakeFirstOrThrow"]>>;

export async function listAdvocacyCampaigns(db: Executor, filter: Filter | null, p: Page) {
  const where = filterSql(filter, CAMPAIGN_FILTERS);
  const [rows, total] = await Promise.all([
    page(campaignColumns(db, where).orderBy("campaigns.id"), p).execute(),
    db
      .selectFrom("campaigns")
      .where(where)
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function findAdvocacyCampaign(db: Executor, id: number) {
  return campaignColumns(db, sql<SqlBool>`true`).where("campaigns.id", "=", id).executeTakeFirst();
}

export const OUTREACH_FILTERS: FilterColumns = {
  created_date: { kind: "date", ref: sql.ref("o.createdAt") },
  modified_date: { kind: "date", ref: sql.ref("o.createdAt") },
};

/** Letters (one per recipient) and call reports, in one list keyed "letter-12" / "call-5". */
function outreaches(db: Executor) {
  const letters = db
    .selectFrom("letters")
    .leftJoin("supporters", (j) =>
      j.onRef("supporters.id", "=", "letters.supporterId").on("supporters.erasedAt", "is", null),
    )
    .select([
      sql<string>`'letter'`.as("kind"),
      "letters.id",
      "letters.campaignId",
      "supporters.id as personId",
      "letters.recipientName as targetName",
      "letters.recipientTitle as targetTitle",
      sql<string | null>`letters.subject`.as("subject"),
      sql<string | null>`letters.body`.as("body"),
      sql<string>`letters.method::text`.as("detail"),
      "letters.sentAt as createdAt",
    ]);
  const calls = db
    .selectFrom("calls")
    .select([
      sql<string>`'call'`.as("kind"),
      "calls.id",
      "calls.campaignId",
      sql<number | null>`null::bigint`.as("personId"),
      sql<string>`coalesce(calls.bioguide, calls.office_code, '')`.as("targetName"),
      sql<string>`''`.as("targetTitle"),
      sql<string | null>`null`.as("subject"),
      sql<string | null>`null`.as("body"),
      sql<string>`calls.outcome::text`.as("detail"),
      "calls.createdAt",
    ]);
  return db.selectFrom(letters.unionAll(calls).as("o"));
}

function scoped(db: Executor, where: RawBuilder<SqlBool>, campaignId: number | null) {
  return outreaches(db)
    .where(where)
    .$if(campaignId !== null, (q) => q.where("o.campaignId", "=", campaignId as number));
}

const outreachColumns = [
  "o.kind",
  "o.id",
  "o.campaignId",
  "o.personId",
  "o.targetName",
  "o.targetTitle",
  "o.subject",
  "o.body",
  "o.detail",
  "o.createdAt",
] as const;

export async function listOutreaches(
  db: Executor,
  filter: Filter | null,
  p: Page,
  campaignId: number | null,
) {
  const where = filterSql(filter, OUTREACH_FILTERS);
  const [rows, total] = await Promise.all([
    page(
      scoped(db, where, campaignId)
        .select(outreachColumns)
        .orderBy("o.createdAt")
        .orderBy("o.kind")
        .orderBy("o.id"),
      p,
    ).execute(),
    scoped(db, where, campaignId).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
export type OutreachRow = Awaited<ReturnType<typeof listOutreaches>>["rows"][number];

export function findOutreach(db: Executor, kind: "letter" | "call", id: number) {
  return scoped(db, sql<SqlBool>`true`, null)
    .select(outreachColumns)
    .where("o.kind", "=", kind)
    .where("o.id", "=", id)
    .executeTakeFirst();
}
