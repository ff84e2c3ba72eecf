import { type Kysely, sql } from "kysely";

// A campaign's own story (its Markdown body) translated by organizers, beside its title and
// summary; an empty body falls back to the English with a note, as the other fields do.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table campaign_translations add column body_md text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table campaign_translations drop column body_md`.execute(db);
}
