import type { CasesAndTipsTables } from "./schema/cases-and-tips";
import type { DonationsTables } from "./schema/donations";
import type { EmailTables } from "./schema/email";
import type { FoundationTables } from "./schema/foundation";
import type { PetitionsTables } from "./schema/petitions";
import type { SupportersAndMailTables } from "./schema/supporters-and-mail";
import type { LettersTables } from "./schema/letters";
import type { TransparencyTables } from "./schema/transparency";
import type { SupporterRecordsTables } from "./schema/supporter-records";
import type { TranslationsTables } from "./schema/translations";
import type { StatementsTables } from "./schema/statements";
import type { CommitteesAndCwcTables } from "./schema/committees-and-cwc";
import type { ApiKeysTables } from "./schema/api-keys";

export type * from "./schema/cases-and-tips";
export type * from "./schema/donations";
export type * from "./schema/email";
export type * from "./schema/foundation";
export type * from "./schema/petitions";
export type * from "./schema/supporters-and-mail";
export type * from "./schema/letters";
export type * from "./schema/transparency";
export type * from "./schema/supporter-records";
export type * from "./schema/translations";
export type * from "./schema/statements";
export type * from "./schema/committees-and-cwc";
export type * from "./schema/api-keys";

/** The Kysely view of the database: one interface per area, in db/schema/ (one line each). */
export interface Database
  extends FoundationTables,
    SupportersAndMailTables,
    PetitionsTables,
    TransparencyTables,
    EmailTables,
    CasesAndTipsTables,
    DonationsTables,
    LettersTables,
    SupporterRecordsTables,
    TranslationsTables,
    StatementsTables,
    CommitteesAndCwcTables,
    ApiKeysTables {}
