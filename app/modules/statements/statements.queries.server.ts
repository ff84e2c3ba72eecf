import { sql } from "kysely";
import type { Insertable } from "kysely";
import type { Executor } from "~db/index.server";
import type { StatementsTable } from "~db/schema";
import { eligible } from "~/modules/mail/mailings.queries.server";
import { livesIn, surelyIn } from "~/modules/mail/scope.queries.server";

export function findMember(db: Executor, bioguide: string) {
  return db
    .selectFrom("legislators")
    .select(["bioguide", "chamber", "state", "district", "senateClass", "fullName", "title", "party", "url"])
    .where("bioguide", "=", bioguide)
    .orderBy("congress", "desc") // their latest seat, also once they have left
    .executeTakeFirst();
}

export function findCampaign(db: Executor, by: { slug: string } | { id: number }) {
  const q = db.selectFrom("campaigns").select(["id", "slug", "title", "status"]);
  return ("slug" in by ? q.where("slug", "=", by.slug) : q.where("id", "=", by.id)).executeTakeFirst();
}

export function insertStatement(db: Executor, values: Insertable<StatementsTable>) {
  return db.insertInto("statements").values(values).returning("id").executeTakeFirstOrThrow();
}

export function findStatement(db: Executor, id: number) {
  return db.selectFrom("statements").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Verifies an open statement (not already verified or dismissed); true when it did. */
export async function markVerified(db: Executor, id: number, organizerId: number): Promise<boolean> {
  const r = await db
    .updateTable("statements")
    .set({ verifiedAt: sql`now()`, verifiedBy: organizerId })
    .where("id", "=", id)
    .where("verifiedAt", "is", null)
    .where("dismissedAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markDismissed(db: Executor, id: number): Promise<boolean> {
  const r = await db
    .updateTable("statements")
    .set({ dismissedAt: sql`now()` })
    .where("id", "=", id)
    .where("verifiedAt", "is", null)
    .where("dismissedAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markNewsQueued(db: Executor, id: number) {
  await db
    .updateTable("statements")
    .set({ newsQueuedAt: sql`coalesce(news_queued_at, now())` })
    .where("id", "=", id)
    .execute();
}

const publicColumns = [
  "statements.id",
  "statements.campaignId",
  "statements.officeCode",
  "statements.officialId",
  "statements.bioguide",
  "statements.memberName",
  "statements.position",
  "statements.kind",
  "statements.statedOn",
  "statements.body",
  "statements.sourceUrl",
  "statements.sourceFilename",
  "statements.bill",
  "statements.rollCall",
  "statements.verifiedAt",
] as const;

/** Verified statements of a campaign, newest first (the feed and the scorecard's source). */
export function listVerifiedStatements(db: Executor, campaignId: number) {
  return db
    .selectFrom("statements")
    .select(publicColumns)
    .where("statements.campaignId", "=", campaignId)
    .where("statements.verifiedAt", "is not", null)
    .orderBy("statements.statedOn", "desc")
    .orderBy("statements.id", "desc")
    .execute();
}

/** A member's verified statements on every public campaign, newest first. */
export function listMemberStatements(db: Executor, bioguide: string) {
  return db
    .selectFrom("statements")
    .innerJoin("campaigns", "campaigns.id", "statements.campaignId")
    .select([...publicColumns, "campaigns.slug as campaignSlug", "campaigns.title as campaignTitle"])
    .where("statements.bioguide", "=", bioguide)
    .where("statements.verifiedAt", "is not", null)
    .where("campaigns.status", "!=", "draft")
    .orderBy("statements.statedOn", "desc")
    .orderBy("statements.id", "desc")
    .execute();
}

/** Every statement of a campaign for organizers (verified or not), newest first. */
export function listCampaignStatements(db: Executor, campaignId: number) {
  return db
    .selectFrom("statements")
    .leftJoin("organizers", "organizers.id", "statements.recordedBy")
    .select([...publicColumns, "statements.origin", "statements.dismissedAt", "statements.createdAt"])
    .select(["statements.sourceKey", "organizers.name as recordedByName"])
    .where("statements.campaignId", "=", campaignId)
    .orderBy("statements.id", "desc")
    .limit(500)
    .execute();
}

/** Replies supporters sent in that no organizer has verified or dismissed yet. */
export function listOpenReplies(db: Executor) {
  return db
    .selectFrom("statements")
    .innerJoin("campaigns", "campaigns.id", "statements.campaignId")
    .select([...publicColumns, "statements.createdAt", "campaigns.title as campaignTitle"])
    .where("statements.verifiedAt", "is", null)
    .where("statements.dismissedAt", "is", null)
    .where("statements.origin", "=", "supporter")
    .orderBy("statements.id", "desc")
    .limit(200)
    .execute();
}

/** Confirmed signatures and letters of a campaign by the signer's or writer's state and district. */
export async function listSeatCounts(db: Executor, campaignId: number) {
  const r = await sql<{ source: "signed" | "wrote"; state: string; district: number | null; n: number }>`
    select 'signed' as source, sg.us_state as state, sg.district, count(*)::int as n
      from signatures sg join petitions p on p.id = sg.petition_id
      where p.campaign_id = ${campaignId} and sg.state = 'confirmed' and sg.us_state is not null
      group by sg.us_state, sg.district
    union all
    select 'wrote', ls.state, ls.district, count(*)::int
      from letter_submissions ls where ls.campaign_id = ${campaignId}
      group by ls.state, ls.district`.execute(db);
  return r.rows;
}

export interface NewsRecipient {
  id: number;
  email: string;
  firstName: string;
  sure: boolean;
}

/**
 * The next page (by supporter id) of who a statement's news goes to: confirmed signers and
 * letter writers of its campaign who live in its seat and may receive the campaign's email
 * (confirmed, not suppressed, consent proven and not withdrawn).
 */
export async function listNewsRecipients(
  db: Executor,
  statement: { campaignId: number; officeCode: string },
  afterId: number,
  limit: number,
): Promise<NewsRecipient[]> {
  const scope = { office: statement.officeCode };
  const r = await sql<NewsRecipient>`
    select s.id, s.email, s.first_name as "firstName", ${surelyIn(scope)} as sure
    from supporters s
    where s.id > ${afterId}
      and (s.id in (select sg.supporter_id from signatures sg join petitions p on p.id = sg.petition_id
                    where p.campaign_id = ${statement.campaignId} and sg.state = 'confirmed')
        or s.id in (select ls.supporter_id from letter_submissions ls where ls.campaign_id = ${statement.campaignId}))
      and ${livesIn(scope)}
      and ${eligible(statement.campaignId)}
    order by s.id
    limit ${limit}`.execute(db);
  return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The Washington phone number of a member's office. */
export async function findSeatPhone(db: Executor, bioguide: string | null): Promise<string | null> {
  if (!bioguide) return null;
  const row = await db
    .selectFrom("legislators")
    .select("phone")
    .where("bioguide", "=", bioguide)
    .orderBy("congress", "desc")
    .executeTakeFirst();
  return row?.phone ?? null;
}

/** A letter submission by its secret token, with whom its letters went to (for the reply form). */
export async function findSubmissionRecipients(db: Executor, token: string) {
  const submission = await db
    .selectFrom("letterSubmissions")
    .select(["id", "campaignId", "zip"])
    .where("token", "=", token)
    .executeTakeFirst();
  if (!submission) return null;
  const letters = await db
    .selectFrom("letters")
    .select(["bioguide", "officialId"])
    .where("submissionId", "=", submission.id)
    .execute();
  return { ...submission, letters };
}
