import type { Executor } from "~db/index.server";
import type { ConsentScope } from "~db/schema";
import { canonicalEmail } from "./supporters";
import { insertConsent, markSupporterConfirmed, upsertSupporterRow, type SupporterInput } from "./supporters.queries.server";


/** Finds or creates the supporter for an email address, inside the caller's transaction. */
export function upsertSupporter(trx: Executor, input: Omit<SupporterInput, "emailCanonical">) {
  return upsertSupporterRow(trx, { ...input, emailCanonical: canonicalEmail(input.email) });
}

/**
 * Records what a supporter agreed to receive, with the exact wording shown and the form it came
 * from: the legal record of consent. Call only when the (never pre-checked) box was ticked.
 */
export function recordConsent(trx: Executor, consent: { supporterId: number; campaignId: number | null; scope: ConsentScope; wording: string; source: string }) {
  return insertConsent(trx, consent);
}

/** The supporter proved they own the address (e.g. confirmed a signature). */
export function confirmSupporter(trx: Executor, supporterId: number) {
  return markSupporterConfirmed(trx, supporterId);
}
