import type { Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type ApiKeyScope = "read" | "read-write";

/** A key for the OSDI API. Only the token's SHA-256 is kept, and its first characters to recognise it. */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  scope: ApiKeyScope;
  tokenHash: string;
  tokenHint: string;
  createdBy: number | null;
  createdAt: Timestamp;
  lastUsedAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
}

export interface ApiKeysTables {
  apiKeys: ApiKeysTable;
}
