import type { FoundationTables } from "./schema/foundation";
import type { SupportersAndMailTables } from "./schema/supporters-and-mail";
import type { EmailTables } from "./schema/email";

export type * from "./schema/foundation";
export type * from "./schema/supporters-and-mail";
export type * from "./schema/email";

/** The Kysely view of the database: one interface per area, in db/schema/ (one line each). */
export interface Database extends FoundationTables, SupportersAndMailTables, EmailTables {}
