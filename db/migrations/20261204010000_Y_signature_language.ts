import { type Kysely, sql } from "kysely";

// The language of the page a signature was given on, so its emails (confirm, confirmed, already
// signed) are written in it and their links open pages in it. A constant default adds the column
// without rewriting the table; the API and OSDI keep English.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table signatures add column language text not null default 'en'
      check (language in ('en', 'ko', 'ru', 'zh-Hans', 'zh-Hant'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table signatures drop column language`.execute(db);
}
