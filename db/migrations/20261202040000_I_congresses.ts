import { type Kysely, sql } from "kysely";

// Members, district offices, ZIP districts, committees and their rosters kept per Congress: the
// next Congress's files are imported beside the current one and take effect at noon Eastern on
// its first day (`congresses.takes_effect_at`). Existing rows are the 119th's. A letter
// submission remembers the Congress in force when it was written.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table congresses (
      number integer primary key check (number > 0),
      takes_effect_at timestamptz not null unique,
      import_id bigint references data_imports (id) on delete set null
    );
    insert into congresses (number, takes_effect_at) values (119, '2025-01-03 17:00:00+00');

    alter table legislator_offices drop constraint legislator_offices_bioguide_fkey;
    alter table legislators add column congress integer not null default 119 references congresses (number);
    alter table legislators alter column congress drop default;
    alter table legislators drop constraint legislators_pkey, add primary key (congress, bioguide);
    drop index legislators_seat_idx;
    create index legislators_seat_idx on legislators (congress, state, chamber, district);

    alter table legislator_offices add column congress integer not null default 119;
    alter table legislator_offices alter column congress drop default;
    alter table legislator_offices add foreign key (congress, bioguide)
      references legislators (congress, bioguide) on delete cascade;
    drop index legislator_offices_bioguide_idx;
    create index legislator_offices_bioguide_idx on legislator_offices (congress, bioguide);

    alter table zip_districts add column congress integer not null default 119 references congresses (number);
    alter table zip_districts alter column congress drop default;
    alter table zip_districts drop constraint zip_districts_pkey, add primary key (congress, zip, state, district);
    create index zip_districts_state_idx on zip_districts (congress, state, district);

    alter table committee_members drop constraint committee_members_committee_id_fkey;
    alter table committees drop constraint committees_parent_id_fkey;
    alter table committees add column congress integer not null default 119 references congresses (number);
    alter table committees alter column congress drop default;
    alter table committees drop constraint committees_pkey, add primary key (congress, id);
    alter table committees add foreign key (congress, parent_id) references committees (congress, id) on delete cascade;
    drop index committees_parent;
    create index committees_parent on committees (congress, parent_id);
    alter table committee_members add column congress integer not null default 119;
    alter table committee_members alter column congress drop default;
    alter table committee_members drop constraint committee_members_pkey,
      add primary key (congress, committee_id, bioguide);
    alter table committee_members add foreign key (congress, committee_id)
      references committees (congress, id) on delete cascade;
    drop index committee_members_bioguide;
    create index committee_members_bioguide on committee_members (congress, bioguide);

    alter table letter_submissions add column congress integer references congresses (number);
    -- The Congress whose member a delivery is addressed to, and what the writer is told when a
    -- letter written under one Congress is delivered under the next (re-resolved at delivery).
    alter table cwc_deliveries add column congress integer references congresses (number),
      add column note text;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table cwc_deliveries drop column congress, drop column note;
    alter table letter_submissions drop column congress;
    delete from committee_members where congress <> 119;
    delete from committees where congress <> 119;
    delete from zip_districts where congress <> 119;
    delete from legislators where congress <> 119;
    alter table committee_members drop column congress, add primary key (committee_id, bioguide);
    alter table committees drop column congress cascade;
    alter table committees add primary key (id);
    alter table committees add foreign key (parent_id) references committees (id) on delete cascade;
    alter table committee_members add foreign key (committee_id) references committees (id) on delete cascade;
    create index committees_parent on committees (parent_id);
    create index committee_members_bioguide on committee_members (bioguide);
    alter table zip_districts drop column congress, add primary key (zip, state, district);
    alter table legislator_offices drop column congress;
    alter table legislators drop column congress;
    alter table legislators add primary key (bioguide);
    create index legislators_seat_idx on legislators (state, chamber, district);
    alter table legislator_offices add foreign key (bioguide) references legislators (bioguide) on delete cascade;
    create index legislator_offices_bioguide_idx on legislator_offices (bioguide);
    drop table congresses;
  `.execute(db);
}
