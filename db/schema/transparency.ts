import type { ColumnType } from "kysely";
import type { GivenJson, Json, NullableTimestamp, Timestamp } from "./foundation";

/** Per petition: what the roll-up keeps to append without rereading the log. */
export interface TransparencyLogsTable {
  petitionId: number;
  size: ColumnType<number, number | undefined, number>;
  /** The Merkle frontier: base64 roots of the perfect subtrees, largest first. */
  frontier: Json<string[]>;
  tally: GivenJson<Record<string, unknown>>;
  updatedAt: Timestamp;
  /** The size its latest signed checkpoint covers (0: none yet), and when that one was signed. */
  checkpointSize: ColumnType<number, number | undefined, number>;
  checkpointedAt: NullableTimestamp;
  /** A checkpoint is due at the next roll-up, whatever the cadence (a removal, or a first line). */
  checkpointDue: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface TransparencyLogLinesTable {
  petitionId: number;
  position: number;
  line: string;
}

export interface TransparencyCheckpointsTable {
  petitionId: number;
  size: number;
  note: string;
  tally: GivenJson<Record<string, unknown>>;
  createdAt: Timestamp;
}

export type LogEntryStatus = "active" | "invalidated" | "withdrawn" | "erased";

/** A signature's 32 random bytes (deleted on erasure) and its line, once it has one. */
export interface SignatureLogEntriesTable {
  signatureId: number;
  petitionId: number;
  nonce: Buffer | null;
  position: number | null;
  status: LogEntryStatus | null;
  usState: string | null;
  district: number | null;
  hour: string | null;
}

export interface TransparencyTables {
  transparencyLogs: TransparencyLogsTable;
  transparencyLogLines: TransparencyLogLinesTable;
  transparencyCheckpoints: TransparencyCheckpointsTable;
  signatureLogEntries: SignatureLogEntriesTable;
}
