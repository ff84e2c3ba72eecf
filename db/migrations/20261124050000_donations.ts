import { type Kysely, sql } from "kysely";

// Donations through Stripe Checkout: per-campaign funds (goal + roll-up), donations, the gifts
// (payments) that make them up, and the Stripe events already applied (exactly once).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table donation_funds (
      campaign_id bigint primary key references campaigns (id) on delete cascade,
      goal_cents bigint not null default 0 check (goal_cents >= 0),
      raised_cents bigint not null default 0,
      donor_count integer not null default 0,
      gift_count integer not null default 0,
      updated_at timestamptz not null default now()
    );

    create table donations (
      id bigserial primary key,
      form_key text not null unique,
      manage_token text not null unique,
      campaign_id bigint references campaigns (id) on delete set null,
      supporter_id bigint references supporters (id) on delete set null,
      frequency text not null check (frequency in ('one_time', 'monthly')),
      amount_cents bigint not null check (amount_cents > 0),
      currency text not null default 'usd' check (currency = 'usd'),
      name text not null default '',
      email text,
      status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed', 'refunded', 'disputed', 'active', 'canceled')),
      test_mode boolean not null default false,
      checkout_session_id text unique,
      checkout_url text,
      subscription_id text unique,
      customer_id text,
      counted_gifts integer not null default 0,
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      canceled_at timestamptz,
      last_payment_failed_at timestamptz
    );
    create index donations_created_idx on donations (created_at desc);
    create index donations_campaign_idx on donations (campaign_id, created_at desc);

    -- One row per payment: the one payment of a one-time gift, or one invoice of a monthly gift.
    -- Facts are only ever set, never cleared, so events can arrive in any order; the status is
    -- derived from them (a refund that arrives before the payment still ends refunded).
    create table donation_gifts (
      id bigserial primary key,
      donation_id bigint references donations (id) on delete cascade,
      payment_intent_id text unique,
      invoice_id text unique,
      amount_cents bigint not null default 0 check (amount_cents >= 0),
      refunded_cents bigint not null default 0 check (refunded_cents >= 0),
      paid_at timestamptz,
      failed_at timestamptz,
      refunded_at timestamptz,
      disputed_at timestamptz,
      dispute_outcome text check (dispute_outcome in ('won', 'lost')),
      status text generated always as (
        case
          when refunded_at is not null then 'refunded'
          when disputed_at is not null and dispute_outcome is distinct from 'won' then 'disputed'
          when paid_at is not null then 'succeeded'
          when failed_at is not null then 'failed'
          else 'pending'
        end
      ) stored,
      created_at timestamptz not null default now(),
      check (payment_intent_id is not null or invoice_id is not null)
    );
    create index donation_gifts_donation_idx on donation_gifts (donation_id);
    create index donation_gifts_paid_idx on donation_gifts (paid_at) where paid_at is not null;

    create table stripe_events (
      id text primary key,
      type text not null,
      received_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table stripe_events, donation_gifts, donations, donation_funds cascade`.execute(db);
}
