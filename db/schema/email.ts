import type { ColumnType, Generated } from "kysely";
import type { GivenJson, GivenTimestamp, NullableTimestamp, OrganizerRole, Timestamp } from "./foundation";

export type SuppressionReason = "bounce" | "complaint" | "manual";
export type MailingStatus = "draft" | "scheduled" | "sending" | "sent";
export type DeliveryStatus = "queued" | "sending" | "sent" | "suppressed" | "unsubscribed";
export type OrganizerTokenPurpose = "invitation" | "password_reset";

export interface SuppressionsTable {
  id: Generated<number>;
  emailCanonical: string;
  reason: SuppressionReason;
  detail: string | null;
  createdAt: Timestamp;
}

export interface CampaignOptOutsTable {
  supporterId: number;
  campaignId: number;
  createdAt: Timestamp;
}

export interface MailingsTable {
  id: Generated<number>;
  campaignId: number | null;
  audience: string;
  subject: string;
  bodyMd: string;
  status: ColumnType<MailingStatus, MailingStatus | undefined, MailingStatus>;
  scheduledAt: NullableTimestamp;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  startedAt: NullableTimestamp;
  preparedAt: NullableTimestamp;
  preparedCursor: Generated<number>;
  totalCount: Generated<number>;
  finishedAt: NullableTimestamp;
  /** Only the audience's members in this state receive it. */
  scopeState: string | null;
  /** Only the audience's members in this seat (CWC office code) receive it. */
  scopeOffice: string | null;
}

export interface DeliveriesTable {
  id: Generated<number>;
  mailingId: number;
  supporterId: number;
  email: string;
  batchNo: number;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  providerId: string | null;
  sentAt: NullableTimestamp;
  deliveredAt: NullableTimestamp;
  openedAt: NullableTimestamp;
  bouncedAt: NullableTimestamp;
  complainedAt: NullableTimestamp;
}

export interface EmailEventsTable {
  id: Generated<number>;
  svixId: string;
  type: string;
  providerEmailId: string | null;
  payload: GivenJson<Record<string, unknown>>;
  receivedAt: Timestamp;
}

export interface OrganizerTokensTable {
  id: Generated<number>;
  purpose: OrganizerTokenPurpose;
  tokenHash: string;
  organizerId: number | null;
  email: string;
  name: string | null;
  role: OrganizerRole | null;
  createdBy: number | null;
  createdAt: Timestamp;
  expiresAt: GivenTimestamp;
  usedAt: NullableTimestamp;
}

export interface EmailTables {
  suppressions: SuppressionsTable;
  campaignOptOuts: CampaignOptOutsTable;
  mailings: MailingsTable;
  deliveries: DeliveriesTable;
  emailEvents: EmailEventsTable;
  organizerTokens: OrganizerTokensTable;
}
