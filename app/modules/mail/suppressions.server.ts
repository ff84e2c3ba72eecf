import { db, type Executor } from "~db/index.server";
import type { SuppressionReason } from "~db/schema";
import { canonicalEmail } from "~/modules/supporters/supporters";
import {
  countSuppressions,
  findSuppression,
  insertSuppressions,
  listSuppressions,
} from "./suppressions.queries.server";

/**
 * Stops all mail to an address, everywhere (transactional and list mail): hard bounces,
 * spam complaints, or an organizer's decision. Checked at send time by sendQueuedEmail and the
 * update fan-out, so mail already queued is stopped too.
 */
export async function suppressAddress(
  trx: Executor,
  email: string,
  reason: SuppressionReason,
  detail: string | null = null,
): Promise<boolean> {
  return (await insertSuppressions(trx, [{ emailCanonical: canonicalEmail(email), reason, detail }])) > 0;
}

export async function isSuppressed(email: string, executor: Executor = db()): Promise<boolean> {
  return (await findSuppression(executor, canonicalEmail(email))) !== undefined;
}

export async function suppressionSummary() {
  const [count, recent] = await Promise.all([countSuppressions(db()), listSuppressions(db(), 20)]);
  return { count, recent };
}
