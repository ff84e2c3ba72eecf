import type { ColumnType, Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type StatementPosition = "supports" | "opposes" | "undecided" | "no_response" | "mixed";
export type StatementKind =
  | "letter_reply"
  | "public_statement"
  | "vote"
  | "cosponsorship"
  | "meeting"
  | "call_report";
export type StatementOrigin = "organizer" | "supporter";
export type CallOutcome = "reached_staffer" | "left_voicemail" | "busy_no_answer" | "skipped";

export interface StatementsTable {
  id: Generated<number>;
  campaignId: number;
  /** The seat's CWC office code (`SVT01`, `HCA12`); null for an executive official. */
  officeCode: string | null;
  officialId: number | null;
  /** The member who held the seat when it was said. */
  bioguide: string | null;
  memberName: string | null;
  position: StatementPosition;
  kind: StatementKind;
  /** YYYY-MM-DD */
  statedOn: ColumnType<string, string, string>;
  body: Generated<string>;
  sourceUrl: string | null;
  sourceKey: string | null;
  sourceFilename: string | null;
  sourceContentType: string | null;
  sourceBytes: number | null;
  bill: string | null;
  rollCall: string | null;
  origin: StatementOrigin;
  recordedBy: number | null;
  submissionId: number | null;
  verifiedAt: NullableTimestamp;
  verifiedBy: number | null;
  dismissedAt: NullableTimestamp;
  newsQueuedAt: NullableTimestamp;
  createdAt: Timestamp;
}

export interface CallScriptsTable {
  campaignId: number;
  position: StatementPosition;
  script: string;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

export interface CallScriptOverridesTable {
  id: Generated<number>;
  campaignId: number;
  officeCode: string | null;
  officialId: number | null;
  position: StatementPosition;
  script: string;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

export interface CallsTable {
  id: Generated<number>;
  campaignId: number;
  officeCode: string | null;
  officialId: number | null;
  bioguide: string | null;
  outcome: CallOutcome;
  viewNonce: string;
  zip: string | null;
  ipHash: string | null;
  /** The caller when known (opened from their delivery page); null for an anonymous call. */
  supporterId: number | null;
  createdAt: Timestamp;
}

export interface StatementsTables {
  statements: StatementsTable;
  callScripts: CallScriptsTable;
  callScriptOverrides: CallScriptOverridesTable;
  calls: CallsTable;
}
