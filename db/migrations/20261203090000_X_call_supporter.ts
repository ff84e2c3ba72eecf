import { type Kysely, sql } from "kysely";

// A call report belongs to the supporter when they opened the call tool from their own delivery
// page (a signed caller value); anonymous reports stay as they were. Erasure sets it null.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table calls add column supporter_id bigint references supporters (id) on delete set null;
    create index calls_supporter_idx on calls (supporter_id) where supporter_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table calls drop column supporter_id`.execute(db);
}
