import { type Kysely, sql } from "kysely";

// Delivery through Communicating with Congress: what CWC requires of the writer (prefix, phone,
// ZIP+4) on the letter set, when the writer proved their address (the copy link), and one row
// per letter and office with its stable DeliveryId and status.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table letter_submissions
      add column prefix text,
      add column phone text,
      add column zip4 text check (zip4 ~ '^[0-9]{4}$'),
      add column email_confirmed_at timestamptz;
    create table cwc_deliveries (
      id bigserial primary key,
      letter_id bigint not null references letters (id) on delete cascade,
      campaign_id bigint not null,
      office text not null check (office ~ '^[HS][A-Z]{2}[0-9]{2}$'),
      delivery_id text not null unique check (delivery_id ~ '^[A-Za-z0-9]{32}$'),
      status text not null default 'queued'
        check (status in ('queued', 'sent', 'accepted', 'refused', 'contact_form')),
      reason text,
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      answered_at timestamptz,
      unique (letter_id, office)
    );
    create index cwc_deliveries_campaign on cwc_deliveries (campaign_id, office, status);
    create index cwc_deliveries_office on cwc_deliveries (office, status);
    -- pacing across every worker: the next free sending slot of each chamber
    create table cwc_pacing (
      chamber text primary key check (chamber in ('house', 'senate')),
      next_slot timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table cwc_pacing;
    drop table cwc_deliveries;
    alter table letter_submissions drop column prefix, drop column phone, drop column zip4,
      drop column email_confirmed_at;
  `.execute(db);
}
