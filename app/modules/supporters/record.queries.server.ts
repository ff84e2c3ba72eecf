import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/*
 * Everything held about one supporter, read for their own page (/me), their JSON download and
 * the organizer's supporter page. Tips are matched by address (a tip names no supporter).
 */
export function findSupporterRow(db: Executor, supporterId: number) {
  return db
    .selectFrom("supporters")
    .select([
      "id",
      "email",
      "firstName",
      "lastName",
      "country",
      "zip",
      "city",
      "state",
      "district",
      "confirmedAt",
      "erasedAt",
      "createdAt",
      "updatedAt",
    ])
    .where("id", "=", supporterId)
    .executeTakeFirst();
}

export function listSupporterSignatures(db: Executor, supporterId: number) {
  return db
    .selectFrom("signatures")
    .innerJoin("petitions", "petitions.id", "signatures.petitionId")
    .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
    .select([
      "signatures.id",
      "signatures.petitionId",
      "campaigns.id as campaignId",
      "campaigns.slug",
      "campaigns.title",
      "signatures.state",
      "signatures.firstName",
      "signatures.lastName",
      "signatures.zip",
      "signatures.usState",
      "signatures.district",
      "signatures.comment",
      "signatures.showName",
      "signatures.source",
      "signatures.language",
      "signatures.createdAt",
      "signatures.confirmedAt",
      "signatures.withdrawnAt",
    ])
    .where("signatures.supporterId", "=", supporterId)
    .orderBy("signatures.id", "desc")
    .execute();
}

export function listSupporterLetters(db: Executor, supporterId: number) {
  return db
    .selectFrom("letterSubmissions")
    .innerJoin("campaigns", "campaigns.id", "letterSubmissions.campaignId")
    .select([
      "letterSubmissions.id",
      "campaigns.id as campaignId",
      "campaigns.title",
      "letterSubmissions.firstName",
      "letterSubmissions.lastName",
      "letterSubmissions.street",
      "letterSubmissions.city",
      "letterSubmissions.state",
      "letterSubmissions.zip",
      "letterSubmissions.district",
      "letterSubmissions.personalNote",
      "letterSubmissions.createdAt",
      (eb) =>
        eb
          .selectFrom("letters")
          .select(sql<string[]>`coalesce(array_agg(recipient_name order by position), '{}')`.as("r"))
          .whereRef("letters.submissionId", "=", "letterSubmissions.id")
          .as("recipients"),
    ])
    .where("letterSubmissions.supporterId", "=", supporterId)
    .orderBy("letterSubmissions.id", "desc")
    .execute();
}

export function listSupporterDonations(db: Executor, supporterId: number) {
  return db
    .selectFrom("donations")
    .leftJoin("campaigns", "campaigns.id", "donations.campaignId")
    .select([
      "donations.id",
      "campaigns.title",
      "donations.frequency",
      "donations.amountCents",
      "donations.currency",
      "donations.name",
      "donations.email",
      "donations.status",
      "donations.createdAt",
      "donations.completedAt",
      "donations.canceledAt",
    ])
    .where("donations.supporterId", "=", supporterId)
    .orderBy("donations.id", "desc")
    .execute();
}

export function listSupporterConsents(db: Executor, supporterId: number) {
  return db
    .selectFrom("consents")
    .leftJoin("campaigns", "campaigns.id", "consents.campaignId")
    .select([
      "consents.id",
      "consents.campaignId",
      "campaigns.title",
      "consents.scope",
      "consents.wording",
      "consents.source",
      "consents.givenAt",
      "consents.provenAt",
      "consents.withdrawnAt",
    ])
    .where("consents.supporterId", "=", supporterId)
    .orderBy("consents.id", "desc")
    .execute();
}

export function listSupporterOptOuts(db: Executor, supporterId: number) {
  return db
    .selectFrom("campaignOptOuts")
    .innerJoin("campaigns", "campaigns.id", "campaignOptOuts.campaignId")
    .select(["campaigns.id as campaignId", "campaigns.title", "campaignOptOuts.createdAt"])
    .where("campaignOptOuts.supporterId", "=", supporterId)
    .execute();
}

export function listSupporterDeliveries(db: Executor, supporterId: number) {
  return db
    .selectFrom("deliveries")
    .innerJoin("mailings", "mailings.id", "deliveries.mailingId")
    .select([
      "deliveries.id",
      "mailings.subject",
      "deliveries.status",
      "deliveries.sentAt",
      "deliveries.deliveredAt",
      "deliveries.bouncedAt",
    ])
    .where("deliveries.supporterId", "=", supporterId)
    .orderBy("deliveries.id", "desc")
    .limit(500)
    .execute();
}

/** Replies from offices and call reports the supporter sent in from a letter's delivery page. */
export function listSupporterStatements(db: Executor, supporterId: number) {
  return db
    .selectFrom("statements")
    .innerJoin("letterSubmissions", "letterSubmissions.id", "statements.submissionId")
    .innerJoin("campaigns", "campaigns.id", "statements.campaignId")
    .select([
      "statements.id",
      "campaigns.title",
      "statements.kind",
      "statements.position",
      "statements.memberName",
      "statements.statedOn",
      "statements.verifiedAt",
      "statements.dismissedAt",
      "statements.createdAt",
    ])
    .where("letterSubmissions.supporterId", "=", supporterId)
    .where("statements.origin", "=", "supporter")
    .orderBy("statements.id", "desc")
    .execute();
}

/**
 * Calls the supporter reported from the call tool opened on their delivery page (anonymous calls
 * name no one): the campaign, the office and who held it (the latest data on that member), the outcome.
 */
export function listSupporterCalls(db: Executor, supporterId: number) {
  return db
    .selectFrom("calls")
    .innerJoin("campaigns", "campaigns.id", "calls.campaignId")
    .leftJoin("officials", "officials.id", "calls.officialId")
    .select([
      "calls.id",
      "campaigns.title",
      "calls.officeCode",
      "calls.outcome",
      "calls.createdAt",
      sql<string | null>`coalesce(officials.name, (select l.title || ' ' || l.full_name from legislators l
        where l.bioguide = calls.bioguide order by l.congress desc limit 1))`.as("official"),
    ])
    .where("calls.supporterId", "=", supporterId)
    .orderBy("calls.id", "desc")
    .limit(500)
    .execute();
}

/** Tips sent from this address (a tip carries an address, not a supporter). */
export function listTipsFromAddress(db: Executor, email: string) {
  return db
    .selectFrom("tips")
    .select(["id", "reference", "status", "createdAt"])
    .where(sql<string>`lower(email)`, "=", email.trim().toLowerCase())
    .orderBy("id", "desc")
    .execute();
}
