import { type Kysely, sql } from "kysely";

// Email: suppressions, campaign updates (mailings + deliveries), provider webhook events,
// per-campaign opt-outs, and single-use organizer tokens (invitations, password resets).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table suppressions (
      id bigserial primary key,
      email_canonical text not null unique,
      reason text not null check (reason in ('bounce', 'complaint', 'manual')),
      detail text,
      created_at timestamptz not null default now()
    );

    create table campaign_opt_outs (
      supporter_id bigint not null references supporters (id) on delete cascade,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (supporter_id, campaign_id)
    );

    create table mailings (
      id bigserial primary key,
      campaign_id bigint references campaigns (id) on delete set null,
      audience text not null,
      subject text not null,
      body_md text not null,
      status text not null default 'draft' check (status in ('draft', 'scheduled', 'sending', 'sent')),
      scheduled_at timestamptz,
      created_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      started_at timestamptz,
      prepared_at timestamptz,
      prepared_cursor bigint not null default 0,
      total_count integer not null default 0,
      finished_at timestamptz
    );
    create index mailings_created_idx on mailings (created_at desc);

    create table deliveries (
      id bigserial primary key,
      mailing_id bigint not null references mailings (id) on delete cascade,
      supporter_id bigint not null references supporters (id) on delete cascade,
      email text not null,
      batch_no integer not null,
      status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'suppressed', 'unsubscribed')),
      provider_id text,
      sent_at timestamptz,
      delivered_at timestamptz,
      opened_at timestamptz,
      bounced_at timestamptz,
      complained_at timestamptz,
      unique (mailing_id, supporter_id)
    );
    create index deliveries_batch_idx on deliveries (mailing_id, status, batch_no);
    create index deliveries_provider_idx on deliveries (provider_id) where provider_id is not null;

    create table email_events (
      id bigserial primary key,
      svix_id text not null unique,
      type text not null,
      provider_email_id text,
      payload jsonb not null,
      received_at timestamptz not null default now()
    );

    create table organizer_tokens (
      id bigserial primary key,
      purpose text not null check (purpose in ('invitation', 'password_reset')),
      token_hash text not null unique,
      organizer_id bigint references organizers (id) on delete cascade,
      email text not null,
      name text,
      role text check (role in ('owner', 'editor', 'viewer')),
      created_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index organizer_tokens_email_idx on organizer_tokens (lower(email), purpose);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table organizer_tokens, email_events, deliveries, mailings, campaign_opt_outs, suppressions cascade`.execute(
    db,
  );
}
