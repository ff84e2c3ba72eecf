import { db, type Executor } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { deleteStripeCustomer } from "~/modules/donations/stripe.server";
import { suppressErasedAddress } from "~/modules/mail/suppressions.server";
import { forgetMailContact } from "~/modules/mail/transport.server";
import { forgetInLog } from "~/modules/transparency/transparency.server";
import {
  anonymiseDonations,
  anonymiseLetterSubmissions,
  anonymiseSignatures,
  anonymiseSupporter,
  anonymiseTips,
  deleteEmailEvents,
  deleteEmails,
  deleteLinks,
  deleteOptOuts,
  deleteTags,
  endConsents,
  findErasable,
  insertErasure,
  listStripeCustomers,
  scrubAuditLog,
  scrubDeliveries,
  scrubLetters,
  signatureIdsOf,
  unlinkCalls,
  type ErasedPerson,
} from "./erasure.queries.server";
import { deleteWaitingImportRows } from "./import.queries.server";
import { canonicalEmail } from "./supporters";

/**
 * Erasure (a supporter's request at /me, or an owner's on a request received elsewhere), as one
 * explicit list of steps run in one transaction, in this order. Each step names a table and
 * scrubs or anonymises the person there without removing a row that a count is made of, so
 * every total stays right. A new table that holds personal data adds its step here (the test
 * in tests/integration/erasure.test.ts walks every column and fails until it does).
 */
export interface ErasureStep {
  name: string;
  run(trx: Executor, person: ErasedPerson): Promise<number>;
}

export const ERASURE_STEPS: ErasureStep[] = [
  // The public log keeps its lines, but each signature's random bytes go, so its commitment no
  // longer points to anyone, and an erasure line is appended.
  {
    name: "transparency_log",
    run: async (trx, p) => {
      const ids = await signatureIdsOf(trx, p);
      await forgetInLog(trx, ids);
      return ids.length;
    },
  },
  { name: "signatures", run: anonymiseSignatures },
  { name: "letter_submissions", run: anonymiseLetterSubmissions },
  { name: "letters", run: scrubLetters },
  { name: "calls", run: unlinkCalls },
  { name: "donations", run: anonymiseDonations },
  { name: "consents", run: endConsents },
  { name: "campaign_opt_outs", run: deleteOptOuts },
  { name: "deliveries", run: scrubDeliveries },
  { name: "emails", run: deleteEmails },
  { name: "email_events", run: deleteEmailEvents },
  { name: "tips", run: anonymiseTips },
  { name: "supporter_links", run: deleteLinks },
  { name: "supporter_tags", run: deleteTags },
  // An import still running keeps its waiting rows; the person's row goes (it is never imported).
  { name: "supporter_import_rows", run: (trx, p) => deleteWaitingImportRows(trx, canonicalEmail(p.email)) },
  { name: "audit_log", run: scrubAuditLog },
  // Last but one: the address is still known until here; the list keeps only its keyed hash.
  { name: "suppressions", run: async (trx, p) => (await suppressErasedAddress(trx, p.email), 1) },
  { name: "supporters", run: anonymiseSupporter },
];

export type ErasureRequest = { by: "supporter" } | { by: "organizer"; organizerId: number };
export type ErasureResult =
  | { ok: true; erasureId: number }
  | { ok: false; reason: "not_found" | "provider"; message: string };

/**
 * The providers are told first (Resend's contact, Stripe's customers): if one cannot be reached,
 * nothing is erased yet and the request can simply be made again. Then the steps, the record of
 * the erasure (no personal data: the steps and their row counts) and, for an owner, an audit entry.
 */
export async function eraseSupporter(supporterId: number, request: ErasureRequest): Promise<ErasureResult> {
  const row = await findErasable(db(), supporterId);
  if (!row) return { ok: false, reason: "not_found", message: "There is no such supporter." };
  if (row.erasedAt) return { ok: false, reason: "not_found", message: "This supporter is already erased." };
  const person: ErasedPerson = { supporterId, email: row.email };
  try {
    const contact = await forgetMailContact(person.email);
    if (!contact.ok) throw new Error(contact.error);
    for (const customer of await listStripeCustomers(db(), person)) await deleteStripeCustomer(customer);
  } catch {
    return {
      ok: false,
      reason: "provider",
      message:
        "A provider that holds a copy could not be reached, so nothing was erased yet. Try again later.",
    };
  }
  return db()
    .transaction()
    .execute(async (trx) => {
      const steps: Record<string, number> = {};
      for (const step of ERASURE_STEPS) steps[step.name] = await step.run(trx, person);
      const organizerId = request.by === "organizer" ? request.organizerId : null;
      const erasure = await insertErasure(trx, { supporterId, requestedBy: request.by, organizerId, steps });
      if (organizerId)
        await insertAuditEntry(trx, {
          organizerId,
          action: "supporter.erase",
          subjectType: "supporter",
          subjectId: supporterId,
          details: { erasureId: erasure.id },
        });
      return { ok: true, erasureId: erasure.id } as const;
    });
}
