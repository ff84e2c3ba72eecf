import type { Generated } from "kysely";
import type { GivenJson, GivenTimestamp, NullableTimestamp, Timestamp } from "./foundation";

export type SupporterLinkPurpose = "me" | "email_change";

/** A link emailed to a supporter: their /me page, or the confirmation of a new address. Only the token's hash is kept. */
export interface SupporterLinksTable {
  id: Generated<number>;
  supporterId: number;
  purpose: SupporterLinkPurpose;
  tokenHash: string;
  newEmail: string | null;
  expiresAt: GivenTimestamp;
  usedAt: NullableTimestamp;
  createdAt: Timestamp;
}

export type ErasureRequester = "supporter" | "organizer";

/** One erasure, without personal data: who asked, and how many rows each step touched. */
export interface ErasuresTable {
  id: Generated<number>;
  supporterId: number | null;
  requestedBy: ErasureRequester;
  organizerId: number | null;
  steps: GivenJson<Record<string, number>>;
  createdAt: Timestamp;
}

/** A tag an organizer put on a supporter. */
export interface SupporterTagsTable {
  supporterId: number;
  tag: string;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface SupporterRecordsTables {
  supporterLinks: SupporterLinksTable;
  erasures: ErasuresTable;
  supporterTags: SupporterTagsTable;
}
