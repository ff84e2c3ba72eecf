import { type Kysely, sql } from "kysely";

// Erasure: a supporter's row stays (so every count and foreign key stays right) but holds no
// personal data once erased_at is set; each erasure is recorded without personal data (the
// steps taken and how many rows each touched).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table supporters add column erased_at timestamptz;
    create table erasures (
      id bigint generated always as identity primary key,
      supporter_id bigint references supporters (id) on delete set null,
      requested_by text not null check (requested_by in ('supporter', 'organizer')),
      organizer_id bigint references organizers (id) on delete set null,
      steps jsonb not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table erasures; alter table supporters drop column erased_at`.execute(db);
}
