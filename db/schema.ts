import type { CasesAndTipsTables } from "./schema/cases-and-tips";
import type { DonationsTables } from "./schema/donations";
import type { EmailTables } from "./schema/email";
import type { FoundationTables } from "./schema/foundation";
import type { PetitionsTables } from "./schema/petitions";
import type { SupportersAndMailTables } from "./schema/supporters-and-mail";
import type { LettersTables } from "./schema/letters";
import type { CommitteesAndCwcTables } from "./schema/committees-and-cwc";

export type * from "./schema/cases-and-tips";
export type * from "./schema/donations";
export type * from "./schema/email";
export type * from "./schema/foundation";
export type * from "./schema/petitions";
export type * from "./schema/supporters-and-mail";
export type * from "./schema/letters";
export type * from "./schema/committees-and-cwc";

/** The Kysely view of the database: one interface per area, in db/schema/ (one line each). */
export interface Database
  extends FoundationTables,
    SupportersAndMailTables,
    PetitionsTables,
    EmailTables,
    CasesAndTipsTables,
    DonationsTables,
    LettersTables,
    CommitteesAndCwcTables {}
