import type { Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type LetterTargetKind = "senate" | "house" | "official";
/** How the supporter was offered to deliver it, in order of preference. */
export type LetterMethod = "contact_form" | "phone" | "print" | "email_copy";

export interface LetterTemplatesTable {
  id: Generated<number>;
  campaignId: number;
  targetKind: LetterTargetKind;
  officialId: number | null;
  subject: string;
  bodyMd: string;
  updatedBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface LetterSubmissionsTable {
  id: Generated<number>;
  token: string;
  idempotencyKey: string;
  campaignId: number;
  supporterId: number;
  firstName: string;
  lastName: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  district: number | null;
  personalNote: Generated<string>;
  ipHash: string | null;
  createdAt: Timestamp;
  prefix: string | null;
  phone: string | null;
  zip4: string | null;
  emailConfirmedAt: NullableTimestamp;
  /** The Congress in force when it was written (its map gave `district`). */
  congress: number | null;
  /** The language of the letter form page it was sent from (its delivery page and email), e.g. "ko". */
  language: Generated<string>;
}

export interface LettersTable {
  id: Generated<number>;
  submissionId: number;
  campaignId: number;
  supporterId: number;
  position: number;
  recipientKind: LetterTargetKind;
  bioguide: string | null;
  officialId: number | null;
  recipientName: string;
  recipientTitle: string;
  recipientAddress: string[];
  state: string | null;
  district: number | null;
  subject: string;
  body: string;
  method: LetterMethod;
  sentAt: Timestamp;
}

export interface LettersTables {
  letterTemplates: LetterTemplatesTable;
  letterSubmissions: LetterSubmissionsTable;
  letters: LettersTable;
}
