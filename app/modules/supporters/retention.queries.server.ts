import { sql } from "kysely";
import type { Executor } from "~db/index.server";

const n = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0n);
const olderThan = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

/** Keyed IP hashes of letter senders and tipsters older than the retention period (signers' are the petitions' job). */
export async function clearOldIpHashes(db: Executor, days: number): Promise<number> {
  const letters = await db
    .updateTable("letterSubmissions")
    .set({ ipHash: null })
    .where("ipHash", "is not", null)
    .where("createdAt", "<", olderThan(days))
    .executeTakeFirst();
  const tips = await db
    .updateTable("tips")
    .set({ ipHash: null })
    .where("ipHash", "is not", null)
    .where("createdAt", "<", olderThan(days))
    .executeTakeFirst();
  return n(letters) + n(tips);
}

/** Attachments of tips closed (last changed) more than `days` ago: their rows go; the caller deletes the files. */
export async function deleteClosedTipAttachments(db: Executor, days: number): Promise<string[]> {
  const rows = await db
    .deleteFrom("tipAttachments")
    .where("tipId", "in", (eb) =>
      eb
        .selectFrom("tips")
        .select("id")
        .where("status", "=", "closed")
        .where("updatedAt", "<", olderThan(days)),
    )
    .returning("storageKey")
    .execute();
  return rows.map((r) => r.storageKey);
}

export async function deleteOldSignInAttempts(db: Executor, days: number): Promise<number> {
  return n(
    await db.deleteFrom("loginAttempts").where("attemptedAt", "<", olderThan(days)).executeTakeFirst(),
  );
}
