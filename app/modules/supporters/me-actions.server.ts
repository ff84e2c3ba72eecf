import zipcodes from "zipcodes";
import { db } from "~db/index.server";
import { lookupDistricts } from "~/modules/legislators/district-lookup.server";
import { applyUnsubscribe } from "~/modules/mail/unsubscribe.server";
import { markSignatureWithdrawn, updateSupporterProfile } from "./me-actions.queries.server";
import { proveConsents, recordConsent } from "./supporters.server";

/** The wording of the subscription a supporter turns on from their page. */
export const ME_SUBSCRIBE_WORDING =
  "Send me email updates about every campaign. I can unsubscribe at any time.";

/**
 * Withdraws one of the supporter's own signatures (pending or confirmed). The row stays, as a
 * fact with its time; its state becomes "withdrawn", so the next roll-up takes it out of the
 * petition's count and district tallies and counts it among the withdrawals.
 */
export async function withdrawSignature(supporterId: number, signatureId: number): Promise<boolean> {
  return markSignatureWithdrawn(db(), supporterId, signatureId);
}

export type ProfileResult = { ok: true } | { ok: false; fields: Record<string, string> };

/**
 * Name and ZIP; the ZIP's state and district are looked up again (the district left empty when
 * the ZIP spans several; only the state, from the ZIP list, while members of Congress are not loaded).
 */
export async function updateProfile(
  supporterId: number,
  input: { firstName: string; lastName: string; zip: string | null },
): Promise<ProfileResult> {
  let state: string | null = null;
  let district: number | null = null;
  if (input.zip) {
    const { result } = await lookupDistricts(input.zip);
    if (!result.ok && result.status !== 503) return { ok: false, fields: { zip: result.message } };
    if (result.ok) {
      if (result.lookup.states.length === 1) state = result.lookup.states[0];
      if (result.lookup.candidates.length === 1) district = result.lookup.candidates[0].district;
    } else state = zipcodes.lookup(input.zip)?.state ?? null;
  }
  const { firstName, lastName, zip } = input;
  await updateSupporterProfile(db(), supporterId, { firstName, lastName, zip, state, district });
  return { ok: true };
}

/**
 * Subscriptions from /me: stop one campaign's updates, stop everything, or subscribe to every
 * campaign's updates (the link proved the address, so that consent counts at once).
 */
export async function changeSubscription(
  supporterId: number,
  change: { kind: "stop"; campaignId: number | null } | { kind: "subscribe-all" },
): Promise<void> {
  if (change.kind === "stop") {
    await applyUnsubscribe(
      { supporterId, campaignId: change.campaignId },
      change.campaignId ? "campaign" : "all",
    );
    return;
  }
  const proof = `me:${supporterId}:${Date.now()}`;
  await db()
    .transaction()
    .execute(async (trx) => {
      await recordConsent(trx, {
        supporterId,
        campaignId: null,
        scope: "all",
        wording: ME_SUBSCRIBE_WORDING,
        source: "supporter page (/me)",
        proof,
      });
      await proveConsents(trx, supporterId, proof);
    });
}
