import { type Kysely, sql } from "kysely";

// The Library of Congress policy area a campaign's CWC messages carry, chosen by its organizers
// (null: the CWC_DEFAULT_TOPIC setting). The 32 names are checked where the form is parsed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table campaigns add column cwc_topic text check (length(cwc_topic) between 3 and 100)`.execute(
    db,
  );
}
