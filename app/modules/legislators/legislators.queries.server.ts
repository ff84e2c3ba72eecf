import type { Selectable } from "kysely";
import type { LegislatorOfficesTable, LegislatorsTable } from "~db/schema";
import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/*
 * Members of Congress, their district offices, ZIP -> district rows and the import log.
 * `date` columns come back from pg as JS Dates unless cast, so term dates are read as text
 * (YYYY-MM-DD), matching the schema's string type.
 */

const termStart = sql<string>`${sql.ref("legislators.termStart")}::text`.as("termStart");
const termEnd = sql<string>`${sql.ref("legislators.termEnd")}::text`.as("termEnd");

const memberColumns = [
  "legislators.bioguide",
  "legislators.chamber",
  "legislators.title",
  "legislators.state",
  "legislators.district",
  "legislators.senateClass",
  "legislators.stateRank",
  "legislators.fullName",
  "legislators.firstName",
  "legislators.middleName",
  "legislators.lastName",
  "legislators.suffix",
  "legislators.nickname",
  "legislators.party",
  "legislators.caucus",
  "legislators.phone",
  "legislators.office",
  "legislators.address",
  "legislators.contactForm",
  "legislators.url",
] as const;

/** A sitting member of Congress as the app reads it. */
export type Member = Omit<Selectable<LegislatorsTable>, "importId" | "updatedAt">;

/** The row written by an import (everything but the bookkeeping columns). */
export type LegislatorValues = Omit<Member, "congress">;

/** A district office as imported (the table without its id). */
export type OfficeValues = Omit<Selectable<LegislatorOfficesTable>, "id" | "congress">;

export interface ZipDistrictValues {
  zip: string;
  state: string;
  district: number;
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function countLegislators(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("legislators")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findLatestImport(db: Executor, kind: string) {
  return db
    .selectFrom("dataImports")
    .selectAll()
    .where("kind", "=", kind)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** An office as the importer compares it: the member's bioguide and the office's address and numbers. */
const officeColumns = [
  "bioguide",
  "address",
  "suite",
  "building",
  "city",
  "state",
  "zip",
  "phone",
  "fax",
  "latitude",
  "longitude",
] as const;

/** A member's district offices in one Congress (a member re-elected has a row set in each). */
export function findOfficesByBioguide(db: Executor, congress: number, bioguide: string) {
  return db
    .selectFrom("legislatorOffices")
    .select(["id", ...officeColumns])
    .where("congress", "=", congress)
    .where("bioguide", "=", bioguide)
    .orderBy("id")
    .execute();
}

/** Members of one Congress as a letter addresses them (a packet for a campaign's rule targets). */
export function listMembersForLetters(db: Executor, congress: number, bioguides: string[]) {
  if (!bioguides.length) return Promise.resolve([]);
  return db
    .selectFrom("legislators")
    .select([
      "bioguide",
      "chamber as kind",
      "title",
      "fullName",
      "lastName",
      "state",
      "district",
      "address",
      "office",
      "phone",
      "contactForm",
      "url",
    ])
    .where("congress", "=", congress)
    .where("bioguide", "in", bioguides)
    .execute();
}

/** Everything an import compares against: all members with their last-update stamp. */
export function listLegislatorsForImport(db: Executor, congress: number) {
  return db
    .selectFrom("legislators")
    .select([...memberColumns, termStart, termEnd, "legislators.updatedAt"])
    .where("legislators.congress", "=", congress)
    .orderBy("bioguide")
    .execute();
}

export function listAllOffices(db: Executor, congress: number): Promise<OfficeValues[]> {
  return db
    .selectFrom("legislatorOffices")
    .select(officeColumns)
    .where("congress", "=", congress)
    .orderBy("id")
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Writes (used by the importer inside one transaction)

/** Serialises imports: a second one waits for the first to commit. Transaction-scoped. */
export async function lockCongressImport(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('data_imports:congress'))`.execute(db);
}

export async function insertDataImport(
  db: Executor,
  values: {
    kind: string;
    source: string;
    sourceDate: string | null;
    counts: Record<string, number>;
    added: string[];
    removed: string[];
    changed: string[];
  },
): Promise<number> {
  const row = await db
    .insertInto("dataImports")
    .values({
      kind: values.kind,
      source: values.source,
      sourceDate: values.sourceDate,
      counts: JSON.stringify(values.counts),
      added: JSON.stringify(values.added),
      removed: JSON.stringify(values.removed),
      changed: JSON.stringify(values.changed),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Deletes the members not in `keep` (their offices go with them, by cascade). */
export async function deleteLegislatorsExcept(
  db: Executor,
  congress: number,
  keep: string[],
): Promise<number> {
  const result = await db
    .deleteFrom("legislators")
    .where("congress", "=", congress)
    .where(sql<boolean>`not (bioguide = any(${keep}::text[]))`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Inserts or updates members by bioguide id, in place. */
export async function upsertLegislators(
  db: Executor,
  rows: Array<LegislatorValues & { congress: number; importId: number; updatedAt: Date }>,
  chunkSize = 1000,
): Promise<void> {
  for (const part of chunks(rows, chunkSize)) {
    await db
      .insertInto("legislators")
      .values(part)
      .onConflict((oc) =>
        oc.columns(["congress", "bioguide"]).doUpdateSet((eb) => ({
          chamber: eb.ref("excluded.chamber"),
          title: eb.ref("excluded.title"),
          state: eb.ref("excluded.state"),
          district: eb.ref("excluded.district"),
          senateClass: eb.ref("excluded.senateClass"),
          stateRank: eb.ref("excluded.stateRank"),
          fullName: eb.ref("excluded.fullName"),
          firstName: eb.ref("excluded.firstName"),
          middleName: eb.ref("excluded.middleName"),
          lastName: eb.ref("excluded.lastName"),
          suffix: eb.ref("excluded.suffix"),
          nickname: eb.ref("excluded.nickname"),
          party: eb.ref("excluded.party"),
          caucus: eb.ref("excluded.caucus"),
          phone: eb.ref("excluded.phone"),
          office: eb.ref("excluded.office"),
          address: eb.ref("excluded.address"),
          contactForm: eb.ref("excluded.contactForm"),
          url: eb.ref("excluded.url"),
          termStart: eb.ref("excluded.termStart"),
          termEnd: eb.ref("excluded.termEnd"),
          importId: eb.ref("excluded.importId"),
          updatedAt: eb.ref("excluded.updatedAt"),
        })),
      )
      .execute();
  }
}

/** Replaces every district office. */
export async function replaceOffices(
  db: Executor,
  congress: number,
  rows: OfficeValues[],
  chunkSize = 1000,
): Promise<void> {
  await db.deleteFrom("legislatorOffices").where("congress", "=", congress).execute();
  for (const part of chunks(rows, chunkSize)) {
    await db
      .insertInto("legislatorOffices")
      .values(part.map((o) => ({ ...o, congress })))
      .execute();
  }
}

/** Replaces the ZIP -> district table, one `unnest` insert per 20,000 rows. */
export async function replaceZipDistricts(
  db: Executor,
  congress: number,
  rows: ZipDistrictValues[],
  chunkSize = 20_000,
): Promise<void> {
  await db.deleteFrom("zipDistricts").where("congress", "=", congress).execute();
  for (const part of chunks(rows, chunkSize)) {
    await sql`
      insert into zip_districts (congress, zip, state, district)
      select ${congress}::int, * from unnest(${part.map((r) => r.zip)}::text[], ${part.map((r) => r.state)}::text[], ${part.map((r) => r.district)}::int[])
    `.execute(db);
  }
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
