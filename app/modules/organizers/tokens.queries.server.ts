import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { OrganizerRole, OrganizerTokenPurpose } from "~db/schema";

export function insertOrganizerToken(
  db: Executor,
  values: {
    purpose: OrganizerTokenPurpose;
    tokenHash: string;
    organizerId: number | null;
    email: string;
    name: string | null;
    role: OrganizerRole | null;
    createdBy: number | null;
    expiresAt: Date;
  },
) {
  return db.insertInto("organizerTokens").values(values).returning("id").executeTakeFirstOrThrow();
}

/** A token that can still be used (for showing the form). */
export function findUsableToken(db: Executor, purpose: OrganizerTokenPurpose, tokenHash: string) {
  return db
    .selectFrom("organizerTokens")
    .select(["id", "email", "name", "role", "organizerId", "expiresAt"])
    .where("purpose", "=", purpose)
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", sql<Date>`now()`)
    .executeTakeFirst();
}

/** Uses a token exactly once: only one concurrent caller gets the row back. */
export function claimToken(db: Executor, purpose: OrganizerTokenPurpose, tokenHash: string) {
  return db
    .updateTable("organizerTokens")
    .set({ usedAt: sql`now()` })
    .where("purpose", "=", purpose)
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", sql<Date>`now()`)
    .returning(["id", "email", "name", "role", "organizerId", "createdBy"])
    .executeTakeFirst();
}

/** Retires every outstanding token of a kind for an address (superseded or no longer needed). */
export async function retireTokens(db: Executor, purpose: OrganizerTokenPurpose, email: string) {
  await db
    .updateTable("organizerTokens")
    .set({ usedAt: sql`now()` })
    .where("purpose", "=", purpose)
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .where("usedAt", "is", null)
    .execute();
}

export async function countRecentTokens(
  db: Executor,
  purpose: OrganizerTokenPurpose,
  email: string,
  since: Date,
) {
  const row = await db
    .selectFrom("organizerTokens")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("purpose", "=", purpose)
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .where("createdAt", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listPendingInvitations(db: Executor) {
  return db
    .selectFrom("organizerTokens")
    .select(["id", "email", "name", "role", "createdAt", "expiresAt"])
    .where("purpose", "=", "invitation")
    .where("usedAt", "is", null)
    .where("expiresAt", ">", sql<Date>`now()`)
    .orderBy("id", "desc")
    .execute();
}
