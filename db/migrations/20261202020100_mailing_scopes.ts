import { type Kysely, sql } from "kysely";

// A campaign update may be scoped to one seat (its CWC office code) or one state: only the
// audience's members who live there receive it ("everyone who wrote to Senator X").
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table mailings
      add column scope_state char(2) check (scope_state ~ '^[A-Z]{2}$'),
      add column scope_office text check (scope_office ~ '^(H[A-Z]{2}[0-9]{2}|S[A-Z]{2}0[123])$'),
      add check (scope_state is null or scope_office is null);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table mailings drop column scope_state, drop column scope_office`.execute(db);
}
