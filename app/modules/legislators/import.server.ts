import { existsSync } from "node:fs";
import path from "node:path";
import type { DB } from "~db/index.server";
import { env } from "~/env.server";
import {
  countLegislators,
  deleteLegislatorsExcept,
  insertDataImport,
  listAllOffices,
  listLegislatorsForImport,
  lockCongressImport,
  replaceOffices,
  replaceZipDistricts,
  upsertLegislators,
  type LegislatorValues,
  type OfficeValues,
} from "./legislators.queries.server";
import {
  CONGRESS_FILES,
  memberLabel,
  parseCongressData,
  type CongressSource,
  type ImportCounts,
  type ImportReport,
} from "./congress-data.server";
import { readSource } from "./congress-source.server";
import { parseCommittees } from "./committees-data.server";
import { replaceCommittees } from "./committees.queries.server";
import { seatLabel } from "./seats";
import { clearCongressCache, congressOfDay, congressTakesEffectAt, ordinal } from "./congress.server";
import { upsertCongress } from "./congress.queries.server";

export * from "./congress-data.server";

const COMPARED_FIELDS: Array<{ key: keyof LegislatorValues; label: string }> = [
  { key: "chamber", label: "chamber" },
  { key: "title", label: "title" },
  { key: "state", label: "state" },
  { key: "district", label: "district" },
  { key: "senateClass", label: "senate class" },
  { key: "stateRank", label: "state rank" },
  { key: "fullName", label: "name" },
  { key: "firstName", label: "first name" },
  { key: "middleName", label: "middle name" },
  { key: "lastName", label: "last name" },
  { key: "suffix", label: "suffix" },
  { key: "nickname", label: "nickname" },
  { key: "party", label: "party" },
  { key: "caucus", label: "caucus" },
  { key: "phone", label: "phone" },
  { key: "office", label: "office" },
  { key: "address", label: "address" },
  { key: "contactForm", label: "contact form" },
  { key: "url", label: "website" },
  { key: "termStart", label: "term start" },
  { key: "termEnd", label: "term end" },
];

function officesKey(offices: OfficeValues[] | undefined): string {
  return (offices ?? [])
    .map((o) =>
      JSON.stringify([
        o.address,
        o.suite,
        o.building,
        o.city,
        o.state,
        o.zip,
        o.phone,
        o.fax,
        o.latitude,
        o.longitude,
      ]),
    )
    .sort()
    .join("\n");
}

function groupOffices(rows: OfficeValues[]): Map<string, OfficeValues[]> {
  const map = new Map<string, OfficeValues[]>();
  for (const r of rows) {
    const list = map.get(r.bioguide);
    if (list) list.push(r);
    else map.set(r.bioguide, [r]);
  }
  return map;
}

const number = (n: number) => n.toLocaleString("en-US");

/**
 * Reads, validates and writes one Congress's data in one transaction, beside the other Congresses
 * stored: the Congress is the one the House terms in the files begin (the next one's files,
 * published before the swearing-in, take effect at noon Eastern on its first day).
 */
export async function importCongressData(db: DB, source: CongressSource): Promise<ImportReport> {
  const report = await writeCongressData(db, source);
  clearCongressCache();
  return report;
}

async function writeCongressData(db: DB, source: CongressSource): Promise<ImportReport> {
  const { files, description } = await readSource(source);
  const data = parseCongressData(files);
  const firstHouseDay = data.legislators
    .filter((r) => r.chamber === "house")
    .reduce((max, r) => (r.termStart > max ? r.termStart : max), "");
  const congress = congressOfDay(firstHouseDay || data.sourceDate || new Date().toISOString().slice(0, 10));
  const committees = files.committees
    ? parseCommittees(files.committees, new Set(data.legislators.map((r) => r.bioguide)))
    : null;
  if (committees) data.warnings.push(...committees.warnings);

  const senators = data.legislators.filter((r) => r.chamber === "senate").length;
  const house = data.legislators.length - senators;
  const nonVoting = data.legislators.filter(
    (r) => r.title === "Delegate" || r.title === "Resident Commissioner",
  ).length;
  const filled = new Set(
    data.legislators.filter((r) => r.chamber === "house").map((r) => `${r.state}|${r.district}`),
  );
  const vacancies = [...new Set(data.zipDistricts.map((r) => `${r.state}|${r.district}`))]
    .filter((seat) => !filled.has(seat))
    .sort()
    .map((seat) => {
      const [state, district] = seat.split("|");
      return seatLabel(state, Number(district));
    });
  const counts: ImportCounts = {
    legislators: data.legislators.length,
    senators,
    representatives: house,
    nonVoting,
    offices: data.offices.length,
    zips: new Set(data.zipDistricts.map((r) => r.zip)).size,
    zipRows: data.zipDistricts.length,
    skippedLegislators: data.skipped.legislators,
    skippedOffices: data.skipped.offices,
    skippedZipRows: data.skipped.zipRows,
    vacantSeats: vacancies.length,
    ...(committees
      ? { committees: committees.committees.length, committeeMemberships: committees.members.length }
      : {}),
  };

  return db.transaction().execute(async (trx) => {
    await lockCongressImport(trx);
    const existing = await listLegislatorsForImport(trx, congress);
    const existingOffices = groupOffices(await listAllOffices(trx, congress));
    const newOffices = groupOffices(data.offices);
    const before = new Map(existing.map((r) => [r.bioguide, r]));
    const incoming = new Set(data.legislators.map((r) => r.bioguide));

    const added: string[] = [];
    const changed: string[] = [];
    const now = new Date();
    const rows = data.legislators.map((r) => {
      const old = before.get(r.bioguide);
      if (!old) {
        added.push(memberLabel(r));
        return { ...r, updatedAt: now };
      }
      const differences = COMPARED_FIELDS.filter((f) => old[f.key] !== r[f.key]).map((f) => f.label);
      if (officesKey(existingOffices.get(r.bioguide)) !== officesKey(newOffices.get(r.bioguide)))
        differences.push("district offices");
      if (differences.length) {
        changed.push(`${memberLabel(r)}: ${differences.join(", ")}`);
        return { ...r, updatedAt: now };
      }
      return { ...r, updatedAt: old.updatedAt };
    });
    const removed = existing.filter((r) => !incoming.has(r.bioguide)).map((r) => memberLabel(r));

    const importId = await insertDataImport(trx, {
      kind: "congress",
      source: description,
      sourceDate: data.sourceDate,
      counts,
      added,
      removed,
      changed,
    });
    await upsertCongress(trx, congress, congressTakesEffectAt(congress), importId);
    await deleteLegislatorsExcept(trx, congress, [...incoming]);
    await upsertLegislators(
      trx,
      rows.map((r) => ({ ...r, congress, importId })),
    );
    await replaceOffices(trx, congress, data.offices);
    await replaceZipDistricts(trx, congress, data.zipDistricts);
    if (committees)
      await replaceCommittees(trx, congress, importId, committees.committees, committees.members);

    const summary =
      `Imported ${number(counts.legislators)} members of Congress (${number(senators)} senators, ${number(house)} House), ` +
      `${number(counts.offices)} district offices, ${number(counts.zipRows)} ZIP-district rows for ${number(counts.zips)} ZIPs; ` +
      `added ${added.length}, removed ${removed.length}, changed ${changed.length}.` +
      (vacancies.length ? ` Vacant House seats: ${vacancies.join(", ")}.` : "") +
      (committees
        ? ` ${number(committees.committees.length)} committees and subcommittees, ${number(committees.members.length)} memberships.`
        : "") +
      (data.warnings.length ? ` Warning: ${data.warnings.join(" Warning: ")}` : "") +
      ` Stored as the ${ordinal(congress)} Congress, in force from ${congressTakesEffectAt(congress).toISOString()}.`;

    return {
      importId,
      congress,
      counts,
      added,
      removed,
      changed,
      vacancies,
      warnings: data.warnings,
      summary,
    };
  });
}

/** The dated snapshot that ships with the project (CONGRESS_SNAPSHOT_DIR, default data/congress). */
export function congressSnapshotDir(): string {
  return path.resolve(env().CONGRESS_SNAPSHOT_DIR);
}

/**
 * `npm run data:import` with no folder: the current files from their public addresses (with the
 * island areas from the snapshot, which has the only copy); when they cannot be fetched or read,
 * the snapshot, saying so through `warn`.
 */
export async function importCurrentCongressData(db: DB, warn: (m: string) => void): Promise<ImportReport> {
  const snapshot = congressSnapshotDir();
  try {
    return await importCongressData(db, {
      fetch: true,
      islandAreasFolder: existsSync(snapshot) ? snapshot : undefined,
    });
  } catch (error) {
    if (!existsSync(snapshot)) throw error;
    warn(
      `Could not import the current files from their public addresses: ${error instanceof Error ? error.message : String(error)} ` +
        `Importing the snapshot in ${snapshot} instead (see its README.md for its date); run \`npm run data:import\` again when online.`,
    );
    return importCongressData(db, { folder: snapshot });
  }
}

/**
 * At boot: when no members of Congress are loaded, import them from DATA_IMPORT_DIR, then from
 * the snapshot that ships with the project, then from the public addresses. Never throws: a
 * failure is a warning.
 */
export async function ensureCongressData(
  db: DB,
  info: (m: string) => void,
  warn: (m: string) => void,
): Promise<void> {
  if ((await countLegislators(db)) > 0) return;
  const problems: string[] = [];
  const candidates: Array<{ source: CongressSource; description: string }> = [];

  const configured = env().DATA_IMPORT_DIR;
  const configuredPath = configured ? path.resolve(configured) : undefined;
  if (configuredPath) {
    if (existsSync(configuredPath))
      candidates.push({
        source: { folder: configuredPath },
        description: `DATA_IMPORT_DIR (${configuredPath})`,
      });
    else problems.push(`DATA_IMPORT_DIR (${configuredPath}) does not exist`);
  }
  const snapshot = congressSnapshotDir();
  if (snapshot !== configuredPath) {
    if (existsSync(snapshot))
      candidates.push({ source: { folder: snapshot }, description: `the snapshot in ${snapshot}` });
    else problems.push(`the snapshot folder ${snapshot} does not exist`);
  }
  candidates.push({ source: { fetch: true }, description: "the public addresses" });

  for (const candidate of candidates) {
    try {
      const report = await importCongressData(db, candidate.source);
      info(`Members of Congress loaded from ${candidate.description}. ${report.summary}`);
      return;
    } catch (error) {
      problems.push(`${candidate.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  warn(
    `Members of Congress are not loaded, so ZIP lookups and letters will find no one. ` +
      `Load them with \`npm run data:import -- <folder>\` (a folder holding ${CONGRESS_FILES.legislators}, ${CONGRESS_FILES.offices}, ${CONGRESS_FILES.zccd} and ${CONGRESS_FILES.islandAreas}, plain or gzipped), ` +
      `or \`npm run data:import\` on a machine with internet access. Tried: ${problems.join("; ")}`,
  );
}
