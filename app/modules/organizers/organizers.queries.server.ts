import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";

export async function countOrganizers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("organizers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOrganizerByEmail(db: Executor, email: string) {
  return db
    .selectFrom("organizers")
    .selectAll()
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export function findOrganizerById(db: Executor, id: number) {
  return db
    .selectFrom("organizers")
    .select(["id", "email", "name", "role", "disabledAt", "createdAt", "lastLoginAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function findOrganizerCredentials(db: Executor, id: number) {
  return db.selectFrom("organizers").select(["id", "passwordHash"]).where("id", "=", id).executeTakeFirst();
}

export function listOrganizers(db: Executor) {
  return db
    .selectFrom("organizers")
    .select(["id", "email", "name", "role", "disabledAt", "createdAt", "lastLoginAt"])
    .orderBy("createdAt")
    .execute();
}

export async function insertOrganizer(
  db: Executor,
  values: { email: string; name: string; role: OrganizerRole; passwordHash: string },
) {
  return db
    .insertInto("organizers")
    .values(values)
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(["id", "email", "name", "role"])
    .executeTakeFirst();
}

export async function updateOrganizerRole(db: Executor, id: number, role: OrganizerRole) {
  await db.updateTable("organizers").set({ role }).where("id", "=", id).execute();
}

export async function setOrganizerDisabled(db: Executor, id: number, disabled: boolean) {
  await db
    .updateTable("organizers")
    .set({ disabledAt: disabled ? new Date() : null })
    .where("id", "=", id)
    .execute();
}

export async function updateOrganizerPassword(db: Executor, id: number, passwordHash: string) {
  await db
    .updateTable("organizers")
    .set({ passwordHash, passwordChangedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function touchOrganizerLogin(db: Executor, id: number) {
  await db.updateTable("organizers").set({ lastLoginAt: new Date() }).where("id", "=", id).execute();
}

export async function insertSession(
  db: Executor,
  values: { id: string; organizerId: number; expiresAt: Date; userAgent: string | null },
) {
  await db.insertInto("sessions").values(values).execute();
}

export function findSessionWithOrganizer(db: Executor, id: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("organizers", "organizers.id", "sessions.organizerId")
    .select([
      "sessions.id as sessionId",
      "sessions.expiresAt",
      "organizers.id",
      "organizers.email",
      "organizers.name",
      "organizers.role",
      "organizers.disabledAt",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteSessionsOfOrganizer(db: Executor, organizerId: number, exceptId?: string) {
  let q = db.deleteFrom("sessions").where("organizerId", "=", organizerId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

export async function insertLoginAttempt(db: Executor, keys: string[], succeeded: boolean) {
  if (!keys.length) return;
  await db
    .insertInto("loginAttempts")
    .values(keys.map((key) => ({ key, succeeded })))
    .execute();
}

/**
 * Per key: failed attempts since `since` that came after the key's last success, and when the
 * latest of them was made.
 */
export async function findRecentFailures(
  db: Executor,
  keys: string[],
  since: Date,
): Promise<Record<string, { n: number; lastAt: Date }>> {
  if (!keys.length) return {};
  const rows = await db
    .selectFrom("loginAttempts as a")
    .select([
      "a.key",
      (eb) => eb.fn.countAll<number>().as("n"),
      (eb) => eb.fn.max("a.attemptedAt").as("lastAt"),
    ])
    .where("a.key", "in", keys)
    .where("a.succeeded", "=", false)
    .where("a.attemptedAt", ">", since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("loginAttempts as s")
            .select("s.id")
            .whereRef("s.key", "=", "a.key")
            .where("s.succeeded", "=", true)
            .whereRef("s.attemptedAt", ">=", "a.attemptedAt"),
        ),
      ),
    )
    .groupBy("a.key")
    .execute();
  return Object.fromEntries(
    rows.map((r) => [r.key, { n: Number(r.n), lastAt: new Date(r.lastAt as unknown as string) }]),
  );
}

/** Deletes attempts older than `before`; returns how many went. */
export async function deleteOldLoginAttempts(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom("loginAttempts").where("attemptedAt", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
