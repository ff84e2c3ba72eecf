import { type Kysely, sql } from "kysely";

// Letter templates per campaign and target, supporters' letter submissions, and each letter as sent.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table letter_templates (
      id bigserial primary key,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      target_kind text not null check (target_kind in ('senate', 'house', 'official')),
      official_id bigint references officials (id) on delete cascade,
      subject text not null,
      body_md text not null,
      updated_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((target_kind = 'official') = (official_id is not null))
    );
    create unique index letter_templates_target_key on letter_templates (campaign_id, target_kind, coalesce(official_id, 0));

    create table letter_submissions (
      id bigserial primary key,
      token text not null unique,
      idempotency_key text not null unique,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      supporter_id bigint not null references supporters (id) on delete cascade,
      first_name text not null,
      last_name text not null,
      street text not null,
      city text not null,
      state char(2) not null,
      zip text not null,
      district integer,
      personal_note text not null default '',
      ip_hash text,
      created_at timestamptz not null default now()
    );
    create index letter_submissions_campaign_idx on letter_submissions (campaign_id, created_at desc);

    create table letters (
      id bigserial primary key,
      submission_id bigint not null references letter_submissions (id) on delete cascade,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      supporter_id bigint not null references supporters (id) on delete cascade,
      position integer not null,
      recipient_kind text not null check (recipient_kind in ('senate', 'house', 'official')),
      bioguide text,
      official_id bigint references officials (id) on delete set null,
      recipient_name text not null,
      recipient_title text not null,
      recipient_address text[] not null,
      state char(2),
      district integer,
      subject text not null,
      body text not null,
      method text not null check (method in ('contact_form', 'phone', 'print', 'email_copy')),
      sent_at timestamptz not null default now(),
      check ((recipient_kind = 'official') = (bioguide is null)),
      unique (submission_id, position)
    );
    create index letters_office_idx on letters (campaign_id, bioguide, id) where bioguide is not null;
    create index letters_official_idx on letters (campaign_id, official_id, id) where official_id is not null;
    create index letters_state_idx on letters (campaign_id, state);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table letters, letter_submissions, letter_templates cascade`.execute(db);
}
