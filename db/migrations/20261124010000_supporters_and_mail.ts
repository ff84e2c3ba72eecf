import { type Kysely, sql } from "kysely";

// Supporters (one per canonical email), their consents, and the email outbox.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table supporters (
      id bigserial primary key,
      email text not null,
      email_canonical text not null unique,
      first_name text not null default '',
      last_name text not null default '',
      country char(2) not null default 'US',
      zip text,
      city text,
      state char(2),
      district integer,
      confirmed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table consents (
      id bigserial primary key,
      supporter_id bigint not null references supporters (id) on delete cascade,
      campaign_id bigint references campaigns (id) on delete cascade,
      scope text not null check (scope in ('campaign', 'all')),
      wording text not null,
      source text not null,
      given_at timestamptz not null default now(),
      withdrawn_at timestamptz
    );
    create index consents_supporter_idx on consents (supporter_id);
    create index consents_campaign_idx on consents (campaign_id) where withdrawn_at is null;

    create table emails (
      id bigserial primary key,
      kind text not null,
      to_address text not null,
      subject text not null,
      html text not null,
      text text not null,
      headers jsonb not null default '{}',
      tags jsonb not null default '{}',
      idempotency_key text not null unique,
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'suppressed')),
      transport text,
      provider_id text,
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index emails_created_idx on emails (created_at desc);
    create index emails_kind_idx on emails (kind, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table emails, consents, supporters cascade`.execute(db);
}
