import { type Insertable, sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { LetterSubmissionsTable, LettersTable, LetterTargetKind } from "~db/schema";
import type { Sender } from "./letters";

// ---------------------------------------------------------------------------------------------
// Targets and templates

/** A campaign's targets with the official's row (for a named official). */
export function listTemplates(db: Executor, campaignId: number) {
  return db
    .selectFrom("letterTemplates")
    .select(["id", "targetKind", "officialId", "subject", "bodyMd", "updatedAt"])
    .where("campaignId", "=", campaignId)
    .orderBy("id")
    .execute();
}

export async function upsertTemplate(
  db: Executor,
  t: {
    campaignId: number;
    targetKind: LetterTargetKind;
    officialId: number | null;
    subject: string;
    bodyMd: string;
    updatedBy: number | null;
  },
): Promise<number> {
  const result = await sql<{ id: number }>`
    insert into letter_templates (campaign_id, target_kind, official_id, subject, body_md, updated_by)
    values (${t.campaignId}, ${t.targetKind}, ${t.officialId}, ${t.subject}, ${t.bodyMd}, ${t.updatedBy})
    on conflict (campaign_id, target_kind, coalesce(official_id, 0))
    do update set subject = excluded.subject, body_md = excluded.body_md, updated_by = excluded.updated_by, updated_at = now()
    returning id
  `.execute(db);
  return Number(result.rows[0].id);
}

// ---------------------------------------------------------------------------------------------
// Submissions and letters

export type SubmissionValues = Omit<
  Insertable<LetterSubmissionsTable>,
  "id" | "createdAt" | "personalNote"
> & { personalNote: string };

/** The new submission's id, or null when this idempotency key was already used. */
export async function insertSubmission(db: Executor, s: SubmissionValues): Promise<number | null> {
  const row = await db
    .insertInto("letterSubmissions")
    .values(s)
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The writer followed the emailed link: their address is proven (CWC's EmailValidation). */
export async function markSubmissionEmailConfirmed(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("letterSubmissions")
    .set({ emailConfirmedAt: new Date() })
    .where("id", "=", id)
    .where("emailConfirmedAt", "is", null)
    .execute();
}

export function findSubmissionByKey(db: Executor, idempotencyKey: string) {
  return db
    .selectFrom("letterSubmissions")
    .select(["id", "token", "campaignId"])
    .where("idempotencyKey", "=", idempotencyKey)
    .executeTakeFirst();
}

/** Letter sets with their campaign and the supporter who wrote them. */
function submissionsWithCampaign(db: Executor) {
  return db
    .selectFrom("letterSubmissions")
    .innerJoin("campaigns", "campaigns.id", "letterSubmissions.campaignId")
    .innerJoin("supporters", "supporters.id", "letterSubmissions.supporterId");
}

export function findSubmissionByToken(db: Executor, token: string) {
  return submissionsWithCampaign(db)
    .select([
      "letterSubmissions.id",
      "letterSubmissions.token",
      "letterSubmissions.firstName",
      "letterSubmissions.lastName",
      "letterSubmissions.street",
      "letterSubmissions.city",
      "letterSubmissions.state",
      "letterSubmissions.zip",
      "letterSubmissions.district",
      "letterSubmissions.createdAt",
      "letterSubmissions.supporterId",
      "supporters.email",
      "campaigns.id as campaignId",
      "campaigns.slug as campaignSlug",
      "campaigns.title as campaignTitle",
    ])
    .where("letterSubmissions.token", "=", token)
    .executeTakeFirst();
}

/** What the emailed copy of a letter set needs: who wrote, to which address, and when. */
export function findSubmissionForCopy(db: Executor, id: number) {
  return submissionsWithCampaign(db)
    .select([
      "letterSubmissions.id",
      "letterSubmissions.token",
      "letterSubmissions.supporterId",
      "letterSubmissions.firstName",
      "letterSubmissions.createdAt",
      "letterSubmissions.language",
      "supporters.email",
      "campaigns.id as campaignId",
      "campaigns.title as campaignTitle",
    ])
    .where("letterSubmissions.id", "=", id)
    .executeTakeFirst();
}

export type LetterValues = Omit<Insertable<LettersTable>, "id" | "sentAt">;

export async function insertLetters(db: Executor, letters: LetterValues[]) {
  if (letters.length) await db.insertInto("letters").values(letters).execute();
}

export function listSubmissionLetters(db: Executor, submissionId: number) {
  return db
    .selectFrom("letters")
    .select([
      "id",
      "position",
      "recipientKind",
      "bioguide",
      "officialId",
      "recipientName",
      "recipientTitle",
      "recipientAddress",
      "state",
      "district",
      "subject",
      "body",
      "method",
      "sentAt",
    ])
    .where("submissionId", "=", submissionId)
    .orderBy("position")
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Organizers: counts and packets

export function countLettersByOffice(db: Executor, campaignId: number) {
  return db
    .selectFrom("letters")
    .select((eb) => [
      "bioguide",
      "officialId",
      "recipientKind",
      eb.fn.max("recipientName").as("recipientName"),
      eb.fn.max("recipientTitle").as("recipientTitle"),
      eb.fn.max("state").as("state"),
      eb.fn.max("district").as("district"),
      eb.fn.countAll<number>().as("count"),
      eb.fn.max("sentAt").as("lastSentAt"),
    ])
    .where("campaignId", "=", campaignId)
    .groupBy(["bioguide", "officialId", "recipientKind"])
    .orderBy("count", "desc")
    .orderBy(sql`max(recipient_name)`)
    .execute();
}

/** Letters per state, counting each supporter's set of letters once. */
export function countLettersByState(db: Executor, campaignId: number) {
  return db
    .selectFrom("letterSubmissions")
    .select((eb) => [
      "state",
      eb.fn.countAll<number>().as("submissions"),
      eb.fn.max("createdAt").as("lastAt"),
    ])
    .where("campaignId", "=", campaignId)
    .groupBy("state")
    .orderBy("submissions", "desc")
    .orderBy("state")
    .execute();
}

export type OfficeKey = { bioguide: string } | { officialId: number };

function officeFilter(key: OfficeKey, alias = "") {
  return "bioguide" in key
    ? sql`${sql.raw(alias)}bioguide = ${key.bioguide}`
    : sql`${sql.raw(alias)}official_id = ${key.officialId}`;
}

export async function summarizePacket(db: Executor, campaignId: number, key: OfficeKey) {
  const result = await sql<{
    count: number;
    first: Date | null;
    last: Date | null;
    recipientName: string | null;
    recipientTitle: string | null;
    state: string | null;
    district: number | null;
  }>`
    select count(*)::int as count, min(sent_at) as first, max(sent_at) as last,
      max(recipient_name) as "recipientName", max(recipient_title) as "recipientTitle", max(state) as state, max(district) as district
    from letters where campaign_id = ${campaignId} and ${officeFilter(key)}
  `.execute(db);
  return result.rows[0];
}

export interface PacketLetterRow extends Sender {
  id: number;
  sentAt: Date;
  subject: string;
  body: string;
  recipientAddress: string[];
}

/** One page of an office's letters after `afterId` (keyset pagination on the office index). */
export async function listPacketLetters(
  db: Executor,
  campaignId: number,
  key: OfficeKey,
  afterId: number,
  limit: number,
): Promise<PacketLetterRow[]> {
  const result = await sql<PacketLetterRow>`
    select l.id, l.sent_at as "sentAt", l.subject, l.body, l.recipient_address as "recipientAddress",
      s.first_name as "firstName", s.last_name as "lastName", s.street, s.city, s.state, s.zip
    from letters l join letter_submissions s on s.id = l.submission_id
    where l.campaign_id = ${campaignId} and ${officeFilter(key, "l.")} and l.id > ${afterId}
    order by l.id limit ${limit}
  `.execute(db);
  return result.rows;
}

/**
 * A campaign's letter sets by the writer's state and district as written: the map of the Congress
 * in force when each was written, never looked up again from the ZIP.
 */
export function countSubmissionsByDistrict(db: Executor, campaignId: number) {
  return db
    .selectFrom("letterSubmissions")
    .select((eb) => ["state", "district", eb.fn.countAll<number>().as("submissions")])
    .where("campaignId", "=", campaignId)
    .groupBy(["state", "district"])
    .orderBy("state")
    .orderBy("district")
    .execute();
}

export async function summarizeSubmissions(db: Executor, campaignId: number) {
  const result = await sql<{ count: number; first: Date | null; last: Date | null }>`
    select count(*)::int as count, min(created_at) as first, max(created_at) as last
    from letter_submissions where campaign_id = ${campaignId}
  `.execute(db);
  return result.rows[0];
}

export interface SubmissionPacketRow extends Sender {
  id: number;
  createdAt: Date;
  personalNote: string;
}

/** One page of a campaign's letter sets after `afterId` (a packet for a rule target's office). */
export async function listSubmissionsForPacket(
  db: Executor,
  campaignId: number,
  afterId: number,
  limit: number,
): Promise<SubmissionPacketRow[]> {
  const result = await sql<SubmissionPacketRow>`
    select id, created_at as "createdAt", first_name as "firstName", last_name as "lastName", street, city,
      state, zip, personal_note as "personalNote"
    from letter_submissions where campaign_id = ${campaignId} and id > ${afterId}
    order by id limit ${limit}
  `.execute(db);
  return result.rows;
}
