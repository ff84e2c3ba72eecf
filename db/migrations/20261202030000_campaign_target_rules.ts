import { type Kysely, sql } from "kysely";

// Campaign targets bound to offices, resolved whenever they are used (never copied at save time):
// a named seat (`SVT01`), a state's delegation, or a committee or subcommittee with a role. The
// writer's own members and executive officials stay in campaign_targets.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table campaign_target_rules (
      id bigserial primary key,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      kind text not null check (kind in ('seat', 'delegation', 'committee')),
      office text check (office ~ '^[HS][A-Z]{2}[0-9]{2}$'),
      state text check (state ~ '^[A-Z]{2}$'),
      committee_id text check (committee_id ~ '^[A-Z]{4}([0-9]{2})?$'),
      role text not null default 'all' check (role in ('all', 'chair', 'ranking', 'majority', 'minority')),
      created_at timestamptz not null default now(),
      check ((kind = 'seat') = (office is not null)),
      check ((kind = 'delegation') = (state is not null)),
      check ((kind = 'committee') = (committee_id is not null))
    );
    create unique index campaign_target_rules_key on campaign_target_rules
      (campaign_id, kind, coalesce(office, ''), coalesce(state, ''), coalesce(committee_id, ''), role);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table campaign_target_rules`.execute(db);
}
