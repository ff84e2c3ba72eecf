import type { FoundationTables } from "./schema/foundation";

export type * from "./schema/foundation";

/** The Kysely view of the database: one interface per area, in db/schema/. */
export interface Database extends FoundationTables {}
