import { createElement } from "react";
import type { Executor } from "~db/index.server";
import DonationReceipt from "~emails/donation-receipt";
import { appUrl, env } from "~/env.server";
import { formatLongDate } from "~/lib/dates";
import { orgProps, queueEmail, renderEmail } from "~/modules/mail/mail.server";
import { allowPublicMailTo } from "~/modules/security/recipient-limit.server";
import { consentProof, proveConsents } from "~/modules/supporters/supporters.server";
import { countedCents, donationStatus, formatCents, isCounted } from "./donations";
import {
  adjustFund,
  bumpCountedGifts,
  findDonationById,
  findDonationForReceipt,
  listGiftStatuses,
  lockGift,
  setDonationStatus,
  updateGiftFacts,
  type GiftFacts,
} from "./donations.queries.server";

/**
 * Applies facts about one payment (paid, failed, refunded, disputed) inside the webhook's
 * transaction: the gift row is locked first, then the donation and its campaign's roll-up move by
 * the difference the change made, and a first successful payment queues its receipt.
 * Lock order is always gift, then donation, so concurrent events cannot deadlock.
 */
export async function applyGiftFacts(
  trx: Executor,
  facts: GiftFacts & { contactEmail?: string | null },
): Promise<string> {
  const before = await lockGift(trx, { paymentIntentId: facts.paymentIntentId, invoiceId: facts.invoiceId });
  const after = await updateGiftFacts(trx, before.id, facts);
  if (!after.donationId) return `gift ${after.id} recorded; its donation is not known yet`;

  const wasCounted = before.donationId ? isCounted(before) : false;
  const wasCents = before.donationId ? countedCents(before) : 0;
  const giftDelta = Number(isCounted(after)) - Number(wasCounted);
  const centsDelta = countedCents(after) - wasCents;
  if (giftDelta !== 0 || centsDelta !== 0) {
    const { countedGifts, campaignId } = await bumpCountedGifts(trx, after.donationId, giftDelta);
    const previous = countedGifts - giftDelta;
    const donorDelta = previous === 0 && countedGifts > 0 ? 1 : previous > 0 && countedGifts === 0 ? -1 : 0;
    if (campaignId)
      await adjustFund(trx, campaignId, { cents: centsDelta, gifts: giftDelta, donors: donorDelta });
  }
  await refreshDonationStatus(trx, after.donationId);
  if (!before.paidAt && after.paidAt && after.status === "succeeded") {
    await proveDonorConsent(trx, after.donationId);
    await queueReceipt(trx, after.donationId, {
      amountCents: after.amountCents,
      paidAt: after.paidAt,
      reference: after.invoiceId ?? after.paymentIntentId ?? `gift-${after.id}`,
      fallbackEmail: facts.contactEmail ?? null,
    });
  }
  return `gift ${after.id} is ${after.status}`;
}

/** A completed payment proves the form's consent to updates (a test-mode payment does not, in production). */
async function proveDonorConsent(trx: Executor, donationId: number) {
  const d = await findDonationById(trx, donationId);
  if (!d?.supporterId || (d.testMode && env().isProduction)) return;
  await proveConsents(trx, d.supporterId, consentProof.donation(d.id));
}

export async function refreshDonationStatus(trx: Executor, donationId: number) {
  const donation = await findDonationById(trx, donationId);
  if (!donation) return;
  const gifts = await listGiftStatuses(trx, donationId);
  await setDonationStatus(
    trx,
    donationId,
    donationStatus(
      donation,
      gifts.map((g) => g.status),
    ),
  );
}

async function queueReceipt(
  trx: Executor,
  donationId: number,
  gift: { amountCents: number; paidAt: Date; reference: string; fallbackEmail: string | null },
) {
  const d = await findDonationForReceipt(trx, donationId);
  const to = d?.email ?? gift.fallbackEmail;
  if (!d || !to) return;
  // A test-mode "payment" proves nothing about the address typed in: its receipt goes only
  // within the per-inbox limit for mail from public forms, and without the typed name.
  if (d.testMode && !(await allowPublicMailTo(to, trx))) return;
  const monthly = d.frequency === "monthly";
  const amount = formatCents(gift.amountCents);
  const { html, text } = await renderEmail(
    createElement(DonationReceipt, {
      ...orgProps(),
      donorName: d.testMode ? "" : (d.name.split(" ")[0] ?? ""),
      amount,
      date: formatLongDate(gift.paidAt, env().ORG_TIME_ZONE),
      monthly,
      campaignTitle: d.campaignTitle,
      reference: gift.reference,
      manageUrl: monthly ? `${appUrl()}/donate/manage/${d.manageToken}` : null,
      testMode: d.testMode,
    }),
  );
  await queueEmail(trx, {
    kind: "donation-receipt",
    to,
    subject: `${d.testMode ? "[TEST] " : ""}Receipt for your ${monthly ? "monthly " : ""}gift of ${amount}`,
    html,
    text,
    idempotencyKey: `donation-receipt:${gift.reference}`,
    tags: { donation: String(donationId) },
  });
}
