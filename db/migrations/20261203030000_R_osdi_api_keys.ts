import { type Kysely, sql } from "kysely";

// API keys for the OSDI API: one organization, many keys; only the key's SHA-256 is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table api_keys (
      id bigint generated always as identity primary key,
      name text not null check (length(name) between 1 and 80),
      scope text not null check (scope in ('read', 'read-write')),
      token_hash text not null unique,
      token_hint text not null,
      created_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table api_keys`.execute(db);
}
