import { type Kysely, sql } from "kysely";

// Committees and subcommittees of Congress (congress-legislators' committees-current.json) and
// their members with party side, rank and title (committee-membership-current.json). A
// subcommittee's id is its parent's plus its own (`HSAS02`). Replaced whole by each import.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table committees (
      id text primary key check (id ~ '^[A-Z]{4}[0-9]{0,2}$'),
      parent_id text references committees (id) on delete cascade,
      chamber text not null check (chamber in ('house', 'senate', 'joint')),
      name text not null,
      url text,
      phone text,
      address text,
      jurisdiction text,
      import_id bigint references data_imports (id) on delete set null
    );
    create index committees_parent on committees (parent_id);
    create table committee_members (
      committee_id text not null references committees (id) on delete cascade,
      bioguide text not null,
      side text not null check (side in ('majority', 'minority')),
      rank integer,
      title text,
      primary key (committee_id, bioguide)
    );
    create index committee_members_bioguide on committee_members (bioguide);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table committee_members; drop table committees`.execute(db);
}
