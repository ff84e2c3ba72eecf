import { sql } from "kysely";
import type { Executor } from "~db/index.server";

export function findSupporterForUnsubscribe(db: Executor, supporterId: number) {
  return db.selectFrom("supporters").select(["id", "email"]).where("id", "=", supporterId).executeTakeFirst();
}

export function findCampaignTitle(db: Executor, campaignId: number) {
  return db.selectFrom("campaigns").select(["id", "title"]).where("id", "=", campaignId).executeTakeFirst();
}

/** Active, proven consents of one supporter, to show what they still receive (pending ones count for nothing). */
export function listActiveConsents(db: Executor, supporterId: number) {
  return db
    .selectFrom("consents")
    .select(["id", "scope", "campaignId"])
    .where("supporterId", "=", supporterId)
    .where("withdrawnAt", "is", null)
    .where("provenAt", "is not", null)
    .execute();
}

export async function withdrawConsents(
  db: Executor,
  supporterId: number,
  campaignId: number | null,
): Promise<number> {
  let q = db
    .updateTable("consents")
    .set({ withdrawnAt: sql`now()` })
    .where("supporterId", "=", supporterId)
    .where("withdrawnAt", "is", null);
  if (campaignId !== null) q = q.where("scope", "=", "campaign").where("campaignId", "=", campaignId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Keeps a supporter subscribed to everything from receiving one campaign's updates. */
export async function insertCampaignOptOut(db: Executor, supporterId: number, campaignId: number) {
  await db
    .insertInto("campaignOptOuts")
    .values({ supporterId, campaignId })
    .onConflict((oc) => oc.columns(["supporterId", "campaignId"]).doUpdateSet({ createdAt: sql`now()` }))
    .execute();
}

export async function hasCampaignOptOut(db: Executor, supporterId: number, campaignId: number) {
  const row = await db
    .selectFrom("campaignOptOuts")
    .select("supporterId")
    .where("supporterId", "=", supporterId)
    .where("campaignId", "=", campaignId)
    .executeTakeFirst();
  return row !== undefined;
}
