import { type Kysely, sql } from "kysely";

// CSV imports of supporters (an organization moving from another tool): the import, its checked
// rows waiting for the job (deleted once imported), and where the job is (resumable by row number).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table supporter_imports (
      id bigserial primary key,
      created_by bigint references organizers (id) on delete set null,
      source_tool text not null check (length(source_tool) between 1 and 80),
      wording text not null check (length(wording) between 1 and 2000),
      filename text not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done')),
      total_rows integer not null,
      processed_rows integer not null default 0,
      created_count integer not null default 0,
      updated_count integer not null default 0,
      skipped_count integer not null default 0,
      row_errors jsonb not null,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create table supporter_import_rows (
      import_id bigint not null references supporter_imports (id) on delete cascade,
      row_number integer not null,
      data jsonb not null,
      primary key (import_id, row_number)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table supporter_import_rows; drop table supporter_imports`.execute(db);
}
