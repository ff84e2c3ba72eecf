import { type Kysely, sql } from "kysely";

// The organizer's dashboard reads roll-ups, never scans of signatures: arrivals per petition, IP
// hash and hour (the trending-sources signal; the roll-up job keeps two days of it), and an
// index for letters sent per campaign and hour.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table petition_ip_hourly_counts (
      hour timestamptz not null,
      petition_id bigint not null references petitions (id) on delete cascade,
      ip_hash text not null,
      n integer not null default 0,
      primary key (hour, petition_id, ip_hash)
    );
    insert into petition_ip_hourly_counts (hour, petition_id, ip_hash, n)
      select date_trunc('hour', created_at), petition_id, ip_hash, count(*) from signatures
      where ip_hash is not null and counted_state is not null and created_at > now() - interval '48 hours'
      group by 1, 2, 3;
    create index letters_campaign_sent_idx on letters (campaign_id, sent_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index letters_campaign_sent_idx; drop table petition_ip_hourly_counts`.execute(db);
}
