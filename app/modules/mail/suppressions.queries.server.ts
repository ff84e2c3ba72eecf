import type { Executor } from "~db/index.server";
import type { SuppressionReason } from "~db/schema";

export async function findSuppression(db: Executor, emailCanonical: string) {
  return db
    .selectFrom("suppressions")
    .select(["id", "reason", "createdAt"])
    .where("emailCanonical", "=", emailCanonical)
    .executeTakeFirst();
}

export function findSuppressionIn(db: Executor, keys: string[]) {
  return db.selectFrom("suppressions").select("id").where("emailCanonical", "in", keys).executeTakeFirst();
}

export async function deleteSuppression(db: Executor, emailCanonical: string) {
  await db.deleteFrom("suppressions").where("emailCanonical", "=", emailCanonical).execute();
}

/** Adds addresses to the suppression list; an address already there keeps its first reason. */
export async function insertSuppressions(
  db: Executor,
  rows: Array<{ emailCanonical: string; reason: SuppressionReason; detail: string | null }>,
) {
  if (!rows.length) return 0;
  const inserted = await db
    .insertInto("suppressions")
    .values(rows)
    .onConflict((oc) => oc.column("emailCanonical").doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}

export function listSuppressions(db: Executor, limit: number) {
  return db.selectFrom("suppressions").selectAll().orderBy("id", "desc").limit(limit).execute();
}

export async function countSuppressions(db: Executor) {
  const row = await db
    .selectFrom("suppressions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
