import type { ColumnType, Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type DonationFrequency = "one_time" | "monthly";
export type DonationStatus =
  | "pending"
  | "succeeded"
  | "failed"
  | "refunded"
  | "disputed"
  | "active"
  | "canceled";
export type GiftStatus = "pending" | "succeeded" | "failed" | "refunded" | "disputed";

export interface DonationFundsTable {
  campaignId: number;
  goalCents: Generated<number>;
  raisedCents: Generated<number>;
  donorCount: Generated<number>;
  giftCount: Generated<number>;
  updatedAt: Timestamp;
}

export interface DonationsTable {
  id: Generated<number>;
  formKey: string;
  manageToken: string;
  campaignId: number | null;
  supporterId: number | null;
  frequency: DonationFrequency;
  amountCents: number;
  currency: Generated<string>;
  name: Generated<string>;
  email: string | null;
  status: ColumnType<DonationStatus, DonationStatus | undefined, DonationStatus>;
  testMode: Generated<boolean>;
  checkoutSessionId: string | null;
  checkoutUrl: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  countedGifts: Generated<number>;
  createdAt: Timestamp;
  completedAt: NullableTimestamp;
  canceledAt: NullableTimestamp;
  lastPaymentFailedAt: NullableTimestamp;
}

export interface DonationGiftsTable {
  id: Generated<number>;
  donationId: number | null;
  paymentIntentId: string | null;
  invoiceId: string | null;
  amountCents: Generated<number>;
  refundedCents: Generated<number>;
  paidAt: NullableTimestamp;
  failedAt: NullableTimestamp;
  refundedAt: NullableTimestamp;
  disputedAt: NullableTimestamp;
  disputeOutcome: "won" | "lost" | null;
  status: ColumnType<GiftStatus, never, never>;
  createdAt: Timestamp;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  receivedAt: Timestamp;
}

export interface DonationsTables {
  donationFunds: DonationFundsTable;
  donations: DonationsTable;
  donationGifts: DonationGiftsTable;
  stripeEvents: StripeEventsTable;
}
