import { type Kysely, sql } from "kysely";

// The public transparency log behind each petition's count (docs/decisions/019-transparency-log.md):
// its lines, its signed checkpoints, the state the roll-up keeps (size, Merkle frontier, tally),
// and per signature the 32 random bytes behind its commitment and where it stands in the log.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- signer withdrawals (the same column another branch adds; whichever runs first adds it)
    alter table signatures add column if not exists withdrawn_at timestamptz;
    -- what the log shows for this signature (null: nothing yet); the roll-up appends a line
    -- when the signature's state moves away from it, like counted_state for the counts
    alter table signatures add column log_state text;
    create index signatures_unlogged_idx on signatures (id)
      where state <> 'pending' and log_state is distinct from 'erased'
        and log_state is distinct from (case when withdrawn_at is not null then 'withdrawn' else state end);

    create table transparency_logs (
      petition_id bigint primary key references petitions (id) on delete cascade,
      size bigint not null default 0,
      frontier jsonb not null default '[]',
      tally jsonb not null,
      updated_at timestamptz not null default now()
    );
    create table transparency_log_lines (
      petition_id bigint not null references petitions (id) on delete cascade,
      position bigint not null,
      line text not null,
      primary key (petition_id, position)
    );
    create table transparency_checkpoints (
      petition_id bigint not null references petitions (id) on delete cascade,
      size bigint not null,
      note text not null,
      -- the tally at this size, so a reader can fetch the checkpoint, log and tally of one moment
      tally jsonb not null,
      created_at timestamptz not null default now(),
      primary key (petition_id, size)
    );
    -- No foreign key to signatures: an erased signature's row may go, its line stays.
    create table signature_log_entries (
      signature_id bigint primary key,
      petition_id bigint not null references petitions (id) on delete cascade,
      nonce bytea check (octet_length(nonce) = 32),
      position bigint,
      status text check (status in ('active', 'invalidated', 'withdrawn', 'erased')),
      us_state text,
      district integer,
      hour text
    );
    create unique index signature_log_entries_position_key on signature_log_entries (petition_id, position)
      where position is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table signature_log_entries, transparency_checkpoints, transparency_log_lines, transparency_logs;
    drop index signatures_unlogged_idx;
    alter table signatures drop column log_state;
  `.execute(db);
}
