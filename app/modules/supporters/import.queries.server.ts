import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import { now } from "~/lib/clock.server";
import { congressInForceSql } from "~/modules/legislators/congress.queries.server";
import type { ImportRowError } from "~db/schema";
import type { ImportRow } from "./import.schema";

/** Which of these canonical addresses are already supporters (for the dry run's created/updated). */
export async function findKnownAddresses(db: Executor, canonical: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < canonical.length; i += 10_000) {
    const rows = await sql<{ e: string }>`select email_canonical as e from supporters
      where email_canonical = any(${canonical.slice(i, i + 10_000)}::text[])`.execute(db);
    for (const r of rows.rows) known.add(r.e);
  }
  return known;
}

export function insertImport(
  db: Executor,
  values: {
    createdBy: number;
    sourceTool: string;
    wording: string;
    filename: string;
    totalRows: number;
    skippedCount: number;
    rowErrors: ImportRowError[];
  },
) {
  return db
    .insertInto("supporterImports")
    .values({ ...values, rowErrors: JSON.stringify(values.rowErrors) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** The checked rows, waiting for the job; written in chunks inside the caller's transaction. */
export async function insertImportRows(db: Executor, importId: number, rows: ImportRow[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await sql`insert into supporter_import_rows (import_id, row_number, data)
      select ${importId}, (r->>'row')::int, r from jsonb_array_elements(${chunk}::jsonb) r`.execute(db);
  }
}

/**
 * Imports the next `limit` waiting rows of an import, in the caller's transaction: supporters
 * created or filled in (matched by canonical address; a blank cell never blanks a field), a consent
 * to every update for those who gave it (unless they hold one already), their tags; the rows leave
 * the waiting list and the import's counts move on, so a stopped job resumes where it was.
 */
export async function importNextRows(
  db: Executor,
  imp: { id: number; createdBy: number | null; sourceTool: string; wording: string },
  limit: number,
): Promise<{ rows: number; created: number; updated: number }> {
  const source = `imported from ${imp.sourceTool}`;
  const proof = `import:${imp.id}`;
  const congress = congressInForceSql(now());
  const r = await sql<{ rows: number; created: number; updated: number }>`
    with batch as (
      delete from supporter_import_rows where import_id = ${imp.id} and row_number in (
        select row_number from supporter_import_rows where import_id = ${imp.id}
        order by row_number limit ${limit} for update)
      returning data
    ), rows as (
      select data->>'email' as email, data->>'emailCanonical' as ec, data->>'firstName' as fn,
        data->>'lastName' as ln, data->>'zip' as zip, data->>'country' as country,
        (data->>'consent')::boolean as consent, data->'tags' as tags,
        (select case when count(distinct z.state) = 1 then min(z.state) end from zip_districts z
          where data->>'country' = 'US' and z.congress = ${congress} and z.zip = left(data->>'zip', 5)) as state,
        (select case when count(distinct z.district) = 1 and count(distinct z.state) = 1 then min(z.district) end from zip_districts z
          where data->>'country' = 'US' and z.congress = ${congress} and z.zip = left(data->>'zip', 5)) as district
      from batch
    ), up as (
      insert into supporters (email, email_canonical, first_name, last_name, zip, country, state, district, confirmed_at)
      select email, ec, fn, ln, zip, country, state, district, case when consent then now() end from rows
      on conflict (email_canonical) do update set
        first_name = coalesce(nullif(excluded.first_name, ''), supporters.first_name),
        last_name = coalesce(nullif(excluded.last_name, ''), supporters.last_name),
        zip = coalesce(excluded.zip, supporters.zip),
        state = coalesce(supporters.state, excluded.state),
        district = coalesce(supporters.district, excluded.district),
        confirmed_at = coalesce(supporters.confirmed_at, excluded.confirmed_at),
        updated_at = now()
      returning id, email_canonical, (xmax = 0) as inserted
    ), consented as (
      insert into consents (supporter_id, campaign_id, scope, wording, source, proof, proven_at)
      select up.id, null, 'all', ${imp.wording}, ${source}, ${proof}, now()
      from up join rows on rows.ec = up.email_canonical
      where rows.consent and not exists (select 1 from consents c where c.supporter_id = up.id
        and c.scope = 'all' and c.withdrawn_at is null and c.proven_at is not null)
    ), tagged as (
      insert into supporter_tags (supporter_id, tag, created_by)
      select up.id, t.tag, ${imp.createdBy}::bigint
      from up join rows on rows.ec = up.email_canonical cross join jsonb_array_elements_text(rows.tags) as t(tag)
      on conflict do nothing
    ), counted as (
      select count(*)::int as rows, (count(*) filter (where inserted))::int as created,
        (count(*) filter (where not inserted))::int as updated from up
    ), moved as (
      update supporter_imports set status = 'running',
        processed_rows = processed_rows + (select rows from counted),
        created_count = created_count + (select created from counted),
        updated_count = updated_count + (select updated from counted)
      where id = ${imp.id}
    )
    select * from counted`.execute(db);
  return r.rows[0];
}

export async function markImportDone(db: Executor, id: number) {
  await db
    .updateTable("supporterImports")
    .set({ status: "done", finishedAt: sql`coalesce(finished_at, now())` })
    .where("id", "=", id)
    .execute();
}

export function findImport(db: Executor, id: number) {
  return db.selectFrom("supporterImports").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listImports(db: Executor, limit: number) {
  return db
    .selectFrom("supporterImports")
    .select([
      "id",
      "sourceTool",
      "filename",
      "status",
      "totalRows",
      "processedRows",
      "createdCount",
      "updatedCount",
      "skippedCount",
      "createdAt",
    ])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Erasure: rows of a running import that hold the address. */
export async function deleteWaitingImportRows(db: Executor, emailCanonical: string): Promise<number> {
  const r =
    await sql`delete from supporter_import_rows where data->>'emailCanonical' = ${emailCanonical}`.execute(
      db,
    );
  return Number(r.numAffectedRows ?? 0n);
}
