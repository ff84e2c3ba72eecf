import type { Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type SupporterLinkPurpose = "me" | "email_change";

/** A link emailed to a supporter: their /me page, or the confirmation of a new address. Only the token's hash is kept. */
export interface SupporterLinksTable {
  id: Generated<number>;
  supporterId: number;
  purpose: SupporterLinkPurpose;
  tokenHash: string;
  newEmail: string | null;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
  createdAt: Timestamp;
}

export interface SupporterRecordsTables {
  supporterLinks: SupporterLinksTable;
}
