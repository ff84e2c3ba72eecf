import type { ColumnType, Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type MediaKind = "photo" | "film_still";
export type TipStatus = "new" | "reviewing" | "credible" | "not_credible" | "forwarded" | "closed";

export interface CaseMediaTable {
  id: Generated<number>;
  slug: string;
  title: string;
  kind: ColumnType<MediaKind, MediaKind | undefined, MediaKind>;
  description: string;
  dateText: string | null;
  source: string | null;
  caseId: number | null;
  imageKey: string | null;
  imageAlt: string | null;
  published: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CaseDocumentsTable {
  id: Generated<number>;
  caseId: number;
  title: string;
  storageKey: string;
  contentType: string;
  bytes: number;
  createdAt: Timestamp;
}

export interface TipsTable {
  id: Generated<number>;
  reference: string;
  caseId: number | null;
  mediaId: number | null;
  body: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  status: ColumnType<TipStatus, TipStatus | undefined, TipStatus>;
  forwardedTo: string | null;
  forwardedOn: string | null;
  assignedTo: number | null;
  ipHash: string | null;
  alertedAt: NullableTimestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  search: ColumnType<string, never, never>;
  /** The language of the page the tip was sent from (the tipster's), e.g. "ko". */
  language: Generated<string>;
  /** Marked in triage: someone must translate it (nothing is machine-translated). */
  needsTranslation: Generated<boolean>;
}

export interface TipAttachmentsTable {
  id: Generated<number>;
  tipId: number;
  storageKey: string;
  filename: string;
  contentType: string;
  bytes: number;
  createdAt: Timestamp;
}

export interface TipNotesTable {
  id: Generated<number>;
  tipId: number;
  organizerId: number | null;
  body: string;
  createdAt: Timestamp;
}

export interface RateLimitHitsTable {
  bucket: string;
  key: string;
  windowStart: Date;
  hits: Generated<number>;
}

export interface CasesAndTipsTables {
  caseMedia: CaseMediaTable;
  caseDocuments: CaseDocumentsTable;
  tips: TipsTable;
  tipAttachments: TipAttachmentsTable;
  tipNotes: TipNotesTable;
  rateLimitHits: RateLimitHitsTable;
}
