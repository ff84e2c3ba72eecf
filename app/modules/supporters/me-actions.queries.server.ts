import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/** Only the supporter's own signature, and only one that still counts or waits to. */
export async function markSignatureWithdrawn(
  db: Executor,
  supporterId: number,
  signatureId: number,
): Promise<boolean> {
  const result = await db
    .updateTable("signatures")
    .set({ state: "withdrawn", withdrawnAt: sql`now()` })
    .where("id", "=", signatureId)
    .where("supporterId", "=", supporterId)
    .where("state", "in", ["pending", "confirmed"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateSupporterProfile(
  db: Executor,
  supporterId: number,
  p: {
    firstName: string;
    lastName: string;
    zip: string | null;
    state: string | null;
    district: number | null;
  },
) {
  await db
    .updateTable("supporters")
    .set({ ...p, updatedAt: sql`now()` })
    .where("id", "=", supporterId)
    .execute();
}
