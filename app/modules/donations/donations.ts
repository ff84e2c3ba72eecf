import type { DonationFrequency, DonationStatus, GiftStatus } from "~db/schema";

/** Pure rules of giving: money as whole cents, labels, what counts toward a campaign's total. */

/** What the giving pages say in production when no Stripe key is set (and test mode is off). */
export const GIVING_NOT_SET_UP = "Giving online is not set up yet. Please check back soon.";

export const FREQUENCY_LABELS: Record<DonationFrequency, string> = {
  one_time: "One time",
  monthly: "Monthly",
};

export const DONATION_STATUS_LABELS: Record<DonationStatus, string> = {
  pending: "Pending",
  succeeded: "Succeeded",
  failed: "Failed",
  refunded: "Refunded",
  disputed: "Disputed",
  active: "Monthly, active",
  canceled: "Monthly, ended",
};

/** $1,234.50 from 123450. */
// Building an Intl.NumberFormat costs far more than using one: keep the two this needs.
const wholeDollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
});
const dollarsAndCents = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
});

export function formatCents(cents: number): string {
  return (cents % 100 === 0 ? wholeDollars : dollarsAndCents).format(cents / 100);
}

/**
 * Dollars typed by a person ("25", "25.5", "1,000.00", "$40") to whole cents, or null when it is
 * not a plain positive amount with at most two decimals (so "-5", "1e9" and "10.005" are refused).
 */
export function dollarsToCents(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/^\$/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** What a gift adds to its campaign's total: only succeeded money, less partial refunds. */
export function countedCents(gift: {
  status: GiftStatus;
  amountCents: number;
  refundedCents: number;
}): number {
  return gift.status === "succeeded" ? Math.max(0, gift.amountCents - gift.refundedCents) : 0;
}

export function isCounted(gift: { status: GiftStatus }): boolean {
  return gift.status === "succeeded";
}

/** The status derived from a gift's facts (the same rule as the generated column). */
export function giftStatus(g: {
  paidAt: unknown;
  failedAt: unknown;
  refundedAt: unknown;
  disputedAt: unknown;
  disputeOutcome: string | null;
}): GiftStatus {
  if (g.refundedAt) return "refunded";
  if (g.disputedAt && g.disputeOutcome !== "won") return "disputed";
  if (g.paidAt) return "succeeded";
  if (g.failedAt) return "failed";
  return "pending";
}

/** A donation's status for lists: a one-time gift takes its payment's status; a monthly gift is active until it ends. */
export function donationStatus(
  d: { frequency: DonationFrequency; canceledAt: unknown; completedAt: unknown },
  gifts: GiftStatus[],
): DonationStatus {
  if (d.frequency === "monthly") {
    if (d.canceledAt) return "canceled";
    return d.completedAt || gifts.includes("succeeded")
      ? "active"
      : gifts.includes("failed")
        ? "failed"
        : "pending";
  }
  return gifts[0] ?? "pending";
}
