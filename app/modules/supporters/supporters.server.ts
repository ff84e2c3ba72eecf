import type { Executor } from "~db/index.server";
import type { ConsentScope } from "~db/schema";
import { canonicalEmail } from "./supporters";
import {
  insertPendingConsent,
  markConsentsProven,
  markSupporterConfirmed,
  upsertSupporterRow,
  type SupporterInput,
} from "./supporters.queries.server";

/** Finds or creates the supporter for an email address, inside the caller's transaction. */
export function upsertSupporter(trx: Executor, input: Omit<SupporterInput, "emailCanonical">) {
  return upsertSupporterRow(trx, { ...input, emailCanonical: canonicalEmail(input.email) });
}

/**
 * Records what a supporter agreed to receive, with the exact wording shown and the form it came
 * from: the legal record of consent. Call only when the (never pre-checked) box was ticked.
 * A public form does not prove that the address is the visitor's, so the consent is pending: it
 * counts (and can put an address that unsubscribed back on a list) only once `proof`, the
 * action it came with, is confirmed from that address: see proveConsents.
 */
export function recordConsent(
  trx: Executor,
  consent: {
    supporterId: number;
    campaignId: number | null;
    scope: ConsentScope;
    wording: string;
    source: string;
    proof: string;
  },
) {
  return insertPendingConsent(trx, consent);
}

/**
 * The owner of the address confirmed the action (`proof`, e.g. "signature:12"): its consents
 * count from now on, and the address counts as proven.
 */
export async function proveConsents(trx: Executor, supporterId: number, proof: string): Promise<number> {
  await markSupporterConfirmed(trx, supporterId);
  return markConsentsProven(trx, proof);
}

/** The names of the actions that prove consents, in one place. */
export const consentProof = {
  signature: (id: number) => `signature:${id}`,
  donation: (id: number) => `donation:${id}`,
  letters: (submissionId: number) => `letters:${submissionId}`,
};
