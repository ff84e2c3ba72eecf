import type { ColumnType, Generated } from "kysely";
import type { Json, NullableTimestamp, Timestamp } from "./foundation";

export interface SupportersTable {
  id: Generated<number>;
  email: string;
  emailCanonical: string;
  firstName: Generated<string>;
  lastName: Generated<string>;
  country: Generated<string>;
  zip: string | null;
  city: string | null;
  state: string | null;
  district: number | null;
  confirmedAt: NullableTimestamp;
  /** Set by an erasure: the row stays (counts, keys) but holds no personal data. */
  erasedAt: NullableTimestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type ConsentScope = "campaign" | "all";

export interface ConsentsTable {
  id: Generated<number>;
  supporterId: number;
  campaignId: number | null;
  scope: ConsentScope;
  wording: string;
  source: string;
  givenAt: Timestamp;
  withdrawnAt: NullableTimestamp;
  /** The action whose confirmation proves the address (e.g. "signature:12"); null for old rows. */
  proof: string | null;
  /** When the address was proven; until then the consent is pending and counts for nothing. */
  provenAt: NullableTimestamp;
}

export type EmailStatus = "queued" | "sent" | "failed" | "suppressed";

export interface EmailsTable {
  id: Generated<number>;
  kind: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Json<Record<string, string>>;
  tags: Json<Record<string, string>>;
  idempotencyKey: string;
  status: ColumnType<EmailStatus, EmailStatus | undefined, EmailStatus>;
  transport: string | null;
  providerId: string | null;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Timestamp;
  sentAt: NullableTimestamp;
}

export interface SupportersAndMailTables {
  supporters: SupportersTable;
  consents: ConsentsTable;
  emails: EmailsTable;
}
