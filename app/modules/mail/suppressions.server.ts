import { db, type Executor } from "~db/index.server";
import type { SuppressionReason } from "~db/schema";
import { hmac, signingKey, verificationKeys } from "~/modules/security/secrets.server";
import { canonicalEmail } from "~/modules/supporters/supporters";
import {
  countSuppressions,
  deleteSuppression,
  findSuppression,
  findSuppressionIn,
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

/**
 * An erased supporter's address is kept on the list only as a keyed hash (HMAC-SHA256 under the
 * "erased-address" key), stored with this prefix where the address would be: it matches the
 * address when it comes back, and reveals nothing without the key. Hashes made under
 * SESSION_SECRET_PREVIOUS still match during a rotation.
 */
const ERASED_PREFIX = "erased-hmac:";
function erasedAddressKeys(emailCanonical: string, keys: Buffer[]): string[] {
  return keys.map((key) => `${ERASED_PREFIX}${hmac(key, emailCanonical).toString("base64url")}`);
}

/**
 * Replaces an address on the list by its keyed hash (an erasure): it is never mailed again, and
 * the list no longer holds the address itself. Returns the hash, so an erasure check can find it.
 */
export async function suppressErasedAddress(trx: Executor, email: string): Promise<string> {
  const canonical = canonicalEmail(email);
  await deleteSuppression(trx, canonical);
  const [hashed] = erasedAddressKeys(canonical, [signingKey("erased-address")]);
  await insertSuppressions(trx, [{ emailCanonical: hashed, reason: "manual", detail: "erased" }]);
  return hashed;
}

export async function isSuppressed(email: string, executor: Executor = db()): Promise<boolean> {
  const canonical = canonicalEmail(email);
  const keys = [canonical, ...erasedAddressKeys(canonical, verificationKeys("erased-address"))];
  return (await findSuppressionIn(executor, keys)) !== undefined;
}

/** Why an address is on the list (and since when), for the supporter's own record. */
export function suppressionOf(email: string, executor: Executor = db()) {
  return findSuppression(executor, canonicalEmail(email));
}

export async function suppressionSummary() {
  const [count, recent] = await Promise.all([countSuppressions(db()), listSuppressions(db(), 20)]);
  return { count, recent };
}
