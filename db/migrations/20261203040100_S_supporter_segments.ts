import { type Kysely, sql } from "kysely";

// Saved supporter searches ("segments"); an update's audience may be one (audience 'segment:<id>'),
// its members found when the update is sent.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table supporter_segments (
      id bigserial primary key,
      name text not null check (length(name) between 1 and 80),
      filters jsonb not null,
      created_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now()
    );
    create unique index supporter_segments_name_idx on supporter_segments (lower(name));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table supporter_segments`.execute(db);
}
