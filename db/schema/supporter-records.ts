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

export type SupporterImportStatus = "queued" | "running" | "done";

/** One row's problem in an import: its line in the file, the column and what is wrong (no values). */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

/** A CSV import of supporters; the counts grow as the job works through its rows. */
export interface SupporterImportsTable {
  id: Generated<number>;
  createdBy: number | null;
  sourceTool: string;
  wording: string;
  filename: string;
  status: Generated<SupporterImportStatus>;
  totalRows: number;
  processedRows: Generated<number>;
  createdCount: Generated<number>;
  updatedCount: Generated<number>;
  skippedCount: Generated<number>;
  rowErrors: GivenJson<ImportRowError[]>;
  createdAt: Timestamp;
  finishedAt: NullableTimestamp;
}

/** A checked row waiting for the import job (deleted once imported). */
export interface SupporterImportRowsTable {
  importId: number;
  rowNumber: number;
  data: GivenJson<Record<string, unknown>>;
}

/** A saved supporter search, usable as an update's audience. */
export interface SupporterSegmentsTable {
  id: Generated<number>;
  name: string;
  filters: GivenJson<Record<string, unknown>>;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface SupporterRecordsTables {
  supporterLinks: SupporterLinksTable;
  erasures: ErasuresTable;
  supporterTags: SupporterTagsTable;
  supporterImports: SupporterImportsTable;
  supporterImportRows: SupporterImportRowsTable;
  supporterSegments: SupporterSegmentsTable;
}
