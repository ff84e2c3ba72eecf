import { type Kysely, sql } from "kysely";

// Tags organizers put on supporters and filter by ("volunteer", "family member").
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table supporter_tags (
      supporter_id bigint not null references supporters (id) on delete cascade,
      tag text not null check (length(tag) between 1 and 40),
      created_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (supporter_id, tag)
    );
    create index supporter_tags_tag_idx on supporter_tags (tag, supporter_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table supporter_tags`.execute(db);
}
