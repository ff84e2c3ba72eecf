import { type Kysely, sql } from "kysely";

// Petitions, their signatures (the pending signature is the confirmation-email outbox), roll-up
// tables the pages read instead of scanning signatures, and the record of bulk invalidations.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table petitions (
      id bigserial primary key,
      campaign_id bigint not null unique references campaigns (id) on delete cascade,
      ask text not null,
      goal integer not null check (goal > 0),
      deadline timestamptz,
      requires_confirmation boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table signature_invalidations (
      id bigserial primary key,
      petition_id bigint not null references petitions (id) on delete cascade,
      rule jsonb not null,
      count integer not null,
      organizer_id bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index signature_invalidations_petition_idx on signature_invalidations (petition_id, created_at desc);

    create table signatures (
      id bigserial primary key,
      petition_id bigint not null references petitions (id) on delete cascade,
      supporter_id bigint not null references supporters (id) on delete cascade,
      email_canonical text not null,
      email_domain text not null,
      state text not null check (state in ('pending', 'confirmed', 'fraudulent', 'invalidated')),
      -- what the roll-up has counted this row as (null: not yet counted); the roll-up folds rows
      -- whose state differs from it, so a confirmation or invalidation moves the counts once
      counted_state text,
      fraud_reason text,
      first_name text not null,
      last_name text not null,
      country char(2) not null default 'US',
      zip text,
      city text,
      us_state char(2),
      district integer,
      district_candidates integer[] not null default '{}',
      comment text,
      comment_hidden boolean not null default false,
      show_name boolean not null default false,
      source text,
      ip_hash text,
      user_agent_class text,
      consent_wording text,
      token_hash text,
      confirmation_sent_at timestamptz,
      confirmed_at timestamptz,
      already_signed_notices integer not null default 0 check (already_signed_notices between 0 and 3),
      already_signed_sent integer not null default 0,
      invalidation_id bigint references signature_invalidations (id) on delete set null,
      invalidated_at timestamptz,
      created_at timestamptz not null default now(),
      unique (petition_id, email_canonical)
    );
    create unique index signatures_token_hash_key on signatures (token_hash) where token_hash is not null;
    create index signatures_ip_idx on signatures (petition_id, ip_hash, created_at) where ip_hash is not null;
    create index signatures_domain_idx on signatures (petition_id, email_domain, created_at);
    create index signatures_uncounted_idx on signatures (id) where counted_state is distinct from state;
    create index signatures_unsent_idx on signatures (id) where state = 'pending' and confirmation_sent_at is null;
    create index signatures_notices_idx on signatures (id) where already_signed_sent < already_signed_notices;
    create index signatures_public_idx on signatures (petition_id, id) where show_name and state = 'confirmed';
    create index signatures_supporter_idx on signatures (supporter_id);

    -- Roll-ups: a few small rows per petition, written by the roll-up job only.
    create table petition_counts (
      petition_id bigint not null references petitions (id) on delete cascade,
      state text not null,
      n bigint not null default 0,
      primary key (petition_id, state)
    );
    create table petition_state_counts (
      petition_id bigint not null references petitions (id) on delete cascade,
      us_state text not null,
      n bigint not null default 0,
      primary key (petition_id, us_state)
    );
    create table petition_district_counts (
      petition_id bigint not null references petitions (id) on delete cascade,
      us_state text not null,
      district integer not null,
      n bigint not null default 0,
      primary key (petition_id, us_state, district)
    );
    create table petition_hourly_counts (
      petition_id bigint not null references petitions (id) on delete cascade,
      hour timestamptz not null,
      n bigint not null default 0,
      primary key (petition_id, hour)
    );
    create table signature_rollup_runs (
      id boolean primary key default true check (id),
      ran_at timestamptz not null default now(),
      folded bigint not null default 0
    );
    insert into signature_rollup_runs (id, ran_at, folded) values (true, now(), 0);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table signature_rollup_runs, petition_hourly_counts, petition_district_counts, petition_state_counts,
      petition_counts, signatures, signature_invalidations, petitions cascade;
  `.execute(db);
}
