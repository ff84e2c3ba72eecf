import { type Kysely, sql } from "kysely";

// The language of the letter form page a letter set was sent from, so its private delivery page
// and the email carrying that page's link are in it. A constant default adds the column without
// rewriting the table; the letters API keeps English.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table letter_submissions add column language text not null default 'en'
      check (language in ('en', 'ko', 'ru', 'zh-Hans', 'zh-Hant'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table letter_submissions drop column language`.execute(db);
}
