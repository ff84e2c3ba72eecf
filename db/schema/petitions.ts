import type { ColumnType, Generated } from "kysely";
import type { GivenJson, GivenTimestamp, NullableTimestamp, Timestamp } from "./foundation";

export type SignatureState = "pending" | "confirmed" | "fraudulent" | "invalidated" | "withdrawn";

export interface PetitionsTable {
  id: Generated<number>;
  campaignId: number;
  ask: string;
  goal: number;
  deadline: NullableTimestamp;
  requiresConfirmation: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SignaturesTable {
  id: Generated<number>;
  petitionId: number;
  supporterId: number;
  emailCanonical: string;
  emailDomain: string;
  state: SignatureState;
  countedState: SignatureState | null;
  fraudReason: string | null;
  firstName: string;
  lastName: string;
  country: Generated<string>;
  zip: string | null;
  city: string | null;
  usState: string | null;
  district: number | null;
  districtCandidates: Generated<number[]>;
  comment: string | null;
  commentHidden: Generated<boolean>;
  showName: Generated<boolean>;
  source: string | null;
  ipHash: string | null;
  userAgentClass: string | null;
  consentWording: string | null;
  tokenHash: string | null;
  confirmationSentAt: NullableTimestamp;
  confirmedAt: NullableTimestamp;
  alreadySignedNotices: Generated<number>;
  alreadySignedSent: Generated<number>;
  invalidationId: number | null;
  invalidatedAt: NullableTimestamp;
  /** When the signer withdrew it (state "withdrawn"): kept as a fact, out of every count. */
  withdrawnAt: NullableTimestamp;
  /** What the transparency log shows for it (see db/schema/transparency.ts). */
  logState: string | null;
  /** The language of the page it was given on (its emails are written in it), e.g. "ko". */
  language: Generated<string>;
  createdAt: Timestamp;
}

export interface SignatureInvalidationsTable {
  id: Generated<number>;
  petitionId: number;
  rule: GivenJson<Record<string, unknown>>;
  count: number;
  organizerId: number | null;
  createdAt: Timestamp;
}

/** A roll-up row: a petition's count `n` for one key (defaults to 0 on insert). */
type PetitionCount<Key> = { petitionId: number; n: ColumnType<number, number | undefined, number> } & Key;

export type PetitionCountsTable = PetitionCount<{ state: string }>;
export type PetitionStateCountsTable = PetitionCount<{ usState: string }>;
export type PetitionDistrictCountsTable = PetitionCount<{ usState: string; district: number }>;
export type PetitionHourlyCountsTable = PetitionCount<{ hour: GivenTimestamp }>;
/** Signatures that arrived from one IP hash in one hour (all states; kept two days, for trending sources). */
export type PetitionIpHourlyCountsTable = PetitionCount<{ hour: GivenTimestamp; ipHash: string }>;

export interface SignatureRollupRunsTable {
  id: Generated<boolean>;
  ranAt: Timestamp;
  folded: Generated<number>;
}

export interface PetitionsTables {
  petitions: PetitionsTable;
  signatures: SignaturesTable;
  signatureInvalidations: SignatureInvalidationsTable;
  petitionCounts: PetitionCountsTable;
  petitionStateCounts: PetitionStateCountsTable;
  petitionDistrictCounts: PetitionDistrictCountsTable;
  petitionHourlyCounts: PetitionHourlyCountsTable;
  petitionIpHourlyCounts: PetitionIpHourlyCountsTable;
  signatureRollupRuns: SignatureRollupRunsTable;
}
