import { type Kysely, sql } from "kysely";

// A call script for one official and position, overriding the campaign's script for that
// position: a seat by its CWC office code, or an executive official.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table call_script_overrides (
      id bigserial primary key,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      office_code text check (office_code ~ '^(H[A-Z]{2}[0-9]{2}|S[A-Z]{2}0[123])$'),
      official_id bigint references officials (id) on delete cascade,
      position text not null check (position in ('supports', 'opposes', 'undecided', 'no_response', 'mixed')),
      script text not null check (length(script) between 1 and 3000),
      updated_by bigint references organizers (id) on delete set null,
      updated_at timestamptz not null default now(),
      check ((office_code is null) <> (official_id is null))
    );
    create unique index call_script_overrides_target
      on call_script_overrides (campaign_id, coalesce(office_code, ''), coalesce(official_id, 0), position);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table call_script_overrides`.execute(db);
}
