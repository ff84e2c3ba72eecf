import { type Kysely, sql } from "kysely";

// A supporter's own page at /me: links emailed to them (only the SHA-256 of the token is
// stored), and signatures they withdraw. A withdrawal is a fact: the row stays, its state
// becomes 'withdrawn' (so the roll-up takes it out of the counts and district tallies, and
// counts the withdrawals per petition) and withdrawn_at says when. withdrawn_at is added with
// "if not exists": the public tally log adds the same column.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table signatures add column if not exists withdrawn_at timestamptz;
    alter table signatures drop constraint if exists signatures_state_check;
    alter table signatures add constraint signatures_state_check
      check (state in ('pending', 'confirmed', 'fraudulent', 'invalidated', 'withdrawn'));
    create table supporter_links (
      id bigint generated always as identity primary key,
      supporter_id bigint not null references supporters (id) on delete cascade,
      purpose text not null check (purpose in ('me', 'email_change')),
      token_hash text not null unique,
      new_email text,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index supporter_links_supporter_idx on supporter_links (supporter_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table supporter_links;
    alter table signatures drop constraint signatures_state_check;
    alter table signatures add constraint signatures_state_check
      check (state in ('pending', 'confirmed', 'fraudulent', 'invalidated'));
  `.execute(db);
}
