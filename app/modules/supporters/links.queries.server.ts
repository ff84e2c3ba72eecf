import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { SupporterLinkPurpose } from "~db/schema";

export function findSupporterByCanonicalEmail(db: Executor, emailCanonical: string) {
  return db
    .selectFrom("supporters")
    .select(["id", "email", "firstName"])
    .where("emailCanonical", "=", emailCanonical)
    .executeTakeFirst();
}

export function insertSupporterLink(
  db: Executor,
  values: {
    supporterId: number;
    purpose: SupporterLinkPurpose;
    tokenHash: string;
    newEmail: string | null;
    expiresAt: Date;
  },
) {
  return db.insertInto("supporterLinks").values(values).returning("id").executeTakeFirstOrThrow();
}

/** A link that still works: its supporter, and for an address change the new address. */
export function findUsableLink(db: Executor, purpose: SupporterLinkPurpose, tokenHash: string) {
  return db
    .selectFrom("supporterLinks")
    .select(["id", "supporterId", "newEmail", "expiresAt"])
    .where("purpose", "=", purpose)
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", sql<Date>`now()`)
    .executeTakeFirst();
}

/** Uses a link once: only one concurrent caller gets the row back. */
export function claimLink(db: Executor, purpose: SupporterLinkPurpose, tokenHash: string) {
  return db
    .updateTable("supporterLinks")
    .set({ usedAt: sql`now()` })
    .where("purpose", "=", purpose)
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", sql<Date>`now()`)
    .returning(["id", "supporterId", "newEmail"])
    .executeTakeFirst();
}

/** Ends every link of a supporter (after an address change or an erasure). */
export async function retireLinks(db: Executor, supporterId: number) {
  await db
    .updateTable("supporterLinks")
    .set({ usedAt: sql`now()` })
    .where("supporterId", "=", supporterId)
    .where("usedAt", "is", null)
    .execute();
}

export async function countRecentLinks(db: Executor, supporterId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom("supporterLinks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("supporterId", "=", supporterId)
    .where("createdAt", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function isEmailTaken(db: Executor, emailCanonical: string, exceptId: number) {
  return db
    .selectFrom("supporters")
    .select("id")
    .where("emailCanonical", "=", emailCanonical)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
}

export async function updateSupporterEmail(
  db: Executor,
  supporterId: number,
  email: string,
  emailCanonical: string,
) {
  await db
    .updateTable("supporters")
    .set({ email, emailCanonical, updatedAt: sql`now()` })
    .where("id", "=", supporterId)
    .execute();
}
