import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Executor } from "~db/index.server";
import { type FilterColumns, filterSql } from "./filter-sql.server";
import type { Filter } from "./filter";
import type { Page } from "./osdi";

/* Petitions and their signatures for the OSDI API. */
const petitionModified = sql<Date>`greatest(${sql.ref("petitions.updatedAt")}, ${sql.ref("campaigns.updatedAt")})`;
export const PETITION_FILTERS: FilterColumns = {
  created_date: { kind: "date", ref: sql.ref("petitions.createdAt") },
  modified_date: { kind: "date", ref: petitionModified },
};

function petitions(db: Executor, where: RawBuilder<SqlBool>) {
  return db
    .selectFrom("petitions")
    .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
    .where(where);
}

function petitionColumns(db: Executor, where: RawBuilder<SqlBool>) {
  return petitions(db, where).select([
    "petitions.id",
    "petitions.ask",
    "petitions.goal",
    "petitions.deadline",
    "petitions.createdAt",
    petitionModified.as("modifiedAt"),
    "campaigns.id as campaignId",
    "campaigns.slug",
    "campaigns.title",
    "campaigns.summary",
    "campaigns.status",
    "campaigns.targetSummary",
    (eb) =>
      eb
        .selectFrom("petitionCounts")
        .select(sql<number>`coalesce(sum(n) filter (where state = 'confirmed'), 0)::int`.as("n"))
        .whereRef("petitionCounts.petitionId", "=", "petitions.id")
        .as("confirmed"),
  ]);
}
export type PetitionRow = Awaited<ReturnType<ReturnType<typeof petitionColumns>["executeTakeFirstOrThrow"]>>;

export async function listPetitions(db: Executor, filter: Filter | null, page: Page) {
  const where = filterSql(filter, PETITION_FILTERS);
  const [rows, total] = await Promise.all([
    petitionColumns(db, where)
      .orderBy("petitions.id")
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage)
      .execute(),
    petitions(db, where).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function findPetition(db: Executor, id: number) {
  return petitionColumns(db, sql<SqlBool>`true`).where("petitions.id", "=", id).executeTakeFirst();
}

const signatureModified = sql<Date>`greatest(${sql.ref("signatures.createdAt")}, ${sql.ref("signatures.confirmedAt")}, ${sql.ref("signatures.withdrawnAt")}, ${sql.ref("signatures.invalidatedAt")})`;
export const SIGNATURE_FILTERS: FilterColumns = {
  created_date: { kind: "date", ref: sql.ref("signatures.createdAt") },
  modified_date: { kind: "date", ref: signatureModified },
};

/** Signatures of people still on record; the honeypot's catches (fraudulent) are not anyone's. */
function signatures(db: Executor, where: RawBuilder<SqlBool>, petitionId: number | null) {
  return db
    .selectFrom("signatures")
    .innerJoin("supporters", "supporters.id", "signatures.supporterId")
    .where("supporters.erasedAt", "is", null)
    .where("signatures.state", "<>", "fraudulent")
    .$if(petitionId !== null, (q) => q.where("signatures.petitionId", "=", petitionId as number))
    .where(where);
}

function signatureColumns(db: Executor, where: RawBuilder<SqlBool>, petitionId: number | null) {
  return signatures(db, where, petitionId).select([
    "signatures.id",
    "signatures.petitionId",
    "signatures.supporterId",
    "signatures.state",
    "signatures.comment",
    "signatures.source",
    "signatures.createdAt",
    signatureModified.as("modifiedAt"),
  ]);
}
export type SignatureRow = Awaited<
  ReturnType<ReturnType<typeof signatureColumns>["executeTakeFirstOrThrow"]>
>;

export async function listSignatures(
  db: Executor,
  filter: Filter | null,
  page: Page,
  petitionId: number | null,
) {
  const where = filterSql(filter, SIGNATURE_FILTERS);
  const [rows, total] = await Promise.all([
    signatureColumns(db, where, petitionId)
      .orderBy("signatures.id")
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage)
      .execute(),
    signatures(db, where, petitionId).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function findSignature(db: Executor, id: number) {
  return signatureColumns(db, sql<SqlBool>`true`, null).where("signatures.id", "=", id).executeTakeFirst();
}

export function findSignatureOf(db: Executor, petitionId: number, emailCanonical: string) {
  return signatureColumns(db, sql<SqlBool>`true`, petitionId)
    .where("signatures.emailCanonical", "=", emailCanonical)
    .executeTakeFirst();
}
