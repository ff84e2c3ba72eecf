import { z } from "zod";
import type { LegislatorValues, OfficeValues, ZipDistrictValues } from "./legislators.queries.server";
import { DELEGATE_AREAS, RESIDENT_COMMISSIONER_AREAS, seatLabel } from "./seats";

/*
 * Imports members of Congress and ZIP -> district rows from the files exactly as their public
 * sources publish them (see data/congress/README.md):
 *   legislators-current.json, legislators-district-offices.json (unitedstates/congress-legislators)
 *   zccd.csv (OpenSourceActivismTech/us-zipcodes-congress) and zccd-island-areas.csv (made locally)
 * Everything is parsed and validated first, then written in one transaction.
 */

export const CONGRESS_FILES = {
  legislators: "legislators-current.json",
  offices: "legislators-district-offices.json",
  zccd: "zccd.csv",
  islandAreas: "zccd-island-areas.csv",
} as const;

export const CONGRESS_URLS = {
  legislators: "https://unitedstates.github.io/congress-legislators/legislators-current.json",
  offices: "https://unitedstates.github.io/congress-legislators/legislators-district-offices.json",
  zccd: "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv",
} as const;

export const FETCH_TIMEOUT_MS = 30_000;

export type CongressSource = { folder: string } | { fetch: true; islandAreasFolder?: string };

export interface ImportCounts {
  legislators: number;
  senators: number;
  representatives: number;
  nonVoting: number;
  offices: number;
  zips: number;
  zipRows: number;
  skippedLegislators: number;
  skippedOffices: number;
  skippedZipRows: number;
  vacantSeats: number;
  [key: string]: number;
}

export interface ImportReport {
  importId: number;
  /** The Congress the files describe (stored beside the others). */
  congress: number;
  counts: ImportCounts;
  /** "B001318 Becca Balint (VT-AL)" */
  added: string[];
  removed: string[];
  /** "S000033 Bernard Sanders (VT): phone, district offices" */
  changed: string[];
  /** House seats with ZIPs but no member, e.g. "CA-14". */
  vacancies: string[];
  /** Records skipped, files missing, data out of date. Also appended to `summary`. */
  warnings: string[];
  summary: string;
}

/** The raw text of the four files. */
export interface CongressFiles {
  legislators: string;
  offices: string;
  zccd: string;
  /** undefined when the island-areas file is not available. */
  islandAreas?: string;
  /** The two committee files; undefined when not available (committees are then left as they are). */
  committees?: { committees: string; memberships: string };
}

export interface ParsedCongressData {
  legislators: LegislatorValues[];
  offices: OfficeValues[];
  zipDistricts: ZipDistrictValues[];
  sourceDate: string;
  skipped: { legislators: number; offices: number; zipRows: number };
  warnings: string[];
}

export class CongressDataError extends Error {}

// ---------------------------------------------------------------------------------------------
// Validation of the upstream formats

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === "" ? null : v.trim()));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a YYYY-MM-DD date");
const stateCode = z.string().regex(/^[A-Z]{2}$/, "expected a 2-letter state code");

const personSchema = z.object({
  id: z.object({ bioguide: z.string().regex(/^[A-Z]\d{6}$/, "expected a bioguide id like S000033") }),
  name: z.object({
    first: z.string().trim().min(1),
    middle: optionalText,
    last: z.string().trim().min(1),
    suffix: optionalText,
    nickname: optionalText,
    official_full: optionalText,
  }),
  terms: z.array(z.unknown()).min(1, "has no terms"),
});

const termSchema = z
  .object({
    type: z.enum(["sen", "rep"]),
    start: isoDate,
    end: isoDate,
    state: stateCode,
    district: z.number().int().min(0).max(99).nullish(),
    class: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
    state_rank: z.enum(["senior", "junior"]).nullish(),
    party: z.string().trim().min(1),
    caucus: optionalText,
    phone: optionalText,
    office: optionalText,
    address: optionalText,
    contact_form: optionalText,
    url: optionalText,
  })
  .refine((t) => t.type === "sen" || t.district != null, {
    message: "a House term needs a district",
    path: ["district"],
  });

const officesEntrySchema = z.object({
  id: z.object({ bioguide: z.string().regex(/^[A-Z]\d{6}$/) }),
  offices: z.array(z.unknown()),
});

const officeSchema = z.object({
  address: optionalText,
  suite: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v == null || String(v).trim() === "" ? null : String(v).trim())),
  building: optionalText,
  city: optionalText,
  state: z
    .string()
    .nullish()
    .transform((v) => (v == null || v.trim() === "" ? null : v.trim().toUpperCase()))
    .pipe(stateCode.nullable()),
  zip: optionalText,
  phone: optionalText,
  fax: optionalText,
  latitude: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  longitude: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
});

const ZCCD_HEADER = "state_fips,state_abbr,zcta,cd";

const zipRowSchema = z.object({
  state_fips: z.string().regex(/^\d{2}$/),
  state_abbr: stateCode,
  zcta: z.string().regex(/^\d{5}$/),
  // Census uses 98 for delegate seats; congress-legislators (and zccd.csv) use 0.
  cd: z
    .string()
    .regex(/^\d{1,2}$/)
    .transform((v) => (Number(v) === 98 ? 0 : Number(v))),
});

// ---------------------------------------------------------------------------------------------
// Pure parsing (no database)

export function titleFor(type: "sen" | "rep", state: string): string {
  if (type === "sen") return "Senator";
  if (DELEGATE_AREAS.has(state)) return "Delegate";
  if (RESIDENT_COMMISSIONER_AREAS.has(state)) return "Resident Commissioner";
  return "Representative";
}

export function buildFullName(name: {
  first: string;
  middle: string | null;
  last: string;
  suffix: string | null;
}): string {
  const base = [name.first, name.middle, name.last].filter(Boolean).join(" ");
  if (!name.suffix) return base;
  return /^[IVX]+$/.test(name.suffix) ? `${base} ${name.suffix}` : `${base}, ${name.suffix}`;
}

/** A member's seat: "VT" for a senator, "CA-12", "VT-AL", "DC" (see seatLabel). */
function memberSeat(m: { chamber: string; state: string; district: number | null }): string {
  return seatLabel(m.state, m.chamber === "senate" ? null : m.district);
}

export function memberLabel(m: {
  bioguide: string;
  fullName: string;
  chamber: string;
  state: string;
  district: number | null;
}): string {
  return `${m.bioguide} ${m.fullName} (${memberSeat(m)})`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CongressDataError(
      `${file} is not valid JSON (${(error as Error).message}); the file may be truncated or not the upstream file.`,
    );
  }
}

function issueText(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.join(".") || "record"}: ${i.message}` : "invalid";
}

/** Refuses a file where most records fail: that is a different format, not a few bad rows. */
function assertMostlyValid(file: string, total: number, invalid: number, firstProblem: string | undefined) {
  if (total === 0) throw new CongressDataError(`${file} has no records.`);
  if (invalid * 2 > total) {
    throw new CongressDataError(
      `${file} is not in the expected format: ${invalid} of ${total} records are invalid (first problem: ${firstProblem ?? "unknown"}).`,
    );
  }
}

function parseLegislators(text: string, today: string, warnings: string[]) {
  const file = CONGRESS_FILES.legislators;
  const data = parseJson(text, file);
  if (!Array.isArray(data)) {
    throw new CongressDataError(
      `${file} is not in the congress-legislators format: expected a JSON array of people, found ${describe(data)}.`,
    );
  }
  const rows: LegislatorValues[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [index, raw] of data.entries()) {
    const person = personSchema.safeParse(raw);
    if (!person.success) {
      problems.push(`record ${index + 1}: ${issueText(person.error)}`);
      continue;
    }
    const p = person.data;
    const term = termSchema.safeParse(p.terms[p.terms.length - 1]);
    if (!term.success) {
      problems.push(`${p.id.bioguide}: last term ${issueText(term.error)}`);
      continue;
    }
    if (seen.has(p.id.bioguide)) {
      problems.push(`${p.id.bioguide}: listed twice (kept the first)`);
      continue;
    }
    seen.add(p.id.bioguide);
    const t = term.data;
    const senate = t.type === "sen";
    rows.push({
      bioguide: p.id.bioguide,
      chamber: senate ? "senate" : "house",
      title: titleFor(t.type, t.state),
      state: t.state,
      district: senate ? null : (t.district ?? 0),
      senateClass: senate ? (t.class ?? null) : null,
      stateRank: senate ? (t.state_rank ?? null) : null,
      fullName: p.name.official_full ?? buildFullName(p.name),
      firstName: p.name.first,
      middleName: p.name.middle,
      lastName: p.name.last,
      suffix: p.name.suffix,
      nickname: p.name.nickname,
      party: t.party,
      caucus: t.caucus && t.caucus !== t.party ? t.caucus : null,
      phone: t.phone,
      office: t.office,
      address: t.address,
      contactForm: t.contact_form,
      url: t.url,
      termStart: t.start,
      termEnd: t.end,
    });
  }
  assertMostlyValid(file, data.length, problems.length, problems[0]);
  if (problems.length)
    warnings.push(
      `${file}: skipped ${problems.length} invalid record(s): ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}.`,
    );
  const expired = rows.filter((r) => r.termEnd < today);
  if (expired.length) {
    warnings.push(
      `${expired.length} member(s) have terms that ended before ${today} (${expired
        .slice(0, 5)
        .map((r) => `${r.fullName} (${memberSeat(r)}) ${r.termEnd}`)
        .join(", ")}${expired.length > 5 ? ", …" : ""}): the data is out of date; refresh it from upstream.`,
    );
  }
  return { rows, skipped: problems.length };
}

function parseOffices(text: string, members: Set<string>, warnings: string[]) {
  const file = CONGRESS_FILES.offices;
  const data = parseJson(text, file);
  if (!Array.isArray(data)) {
    throw new CongressDataError(
      `${file} is not in the congress-legislators format: expected a JSON array of {id, offices}, found ${describe(data)}.`,
    );
  }
  const rows: OfficeValues[] = [];
  const problems: string[] = [];
  let badEntries = 0;
  const unknownMembers: string[] = [];
  for (const [index, raw] of data.entries()) {
    const entry = officesEntrySchema.safeParse(raw);
    if (!entry.success) {
      badEntries++;
      problems.push(`entry ${index + 1}: ${issueText(entry.error)}`);
      continue;
    }
    const bioguide = entry.data.id.bioguide;
    if (!members.has(bioguide)) {
      unknownMembers.push(bioguide);
      continue;
    }
    for (const rawOffice of entry.data.offices) {
      const office = officeSchema.safeParse(rawOffice);
      if (!office.success) {
        problems.push(`${bioguide} office ${describeOffice(rawOffice)}: ${issueText(office.error)}`);
        continue;
      }
      rows.push({ bioguide, ...office.data });
    }
  }
  assertMostlyValid(file, data.length, badEntries, problems[0]);
  if (problems.length)
    warnings.push(
      `${file}: skipped ${problems.length} invalid record(s): ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}.`,
    );
  if (unknownMembers.length) {
    warnings.push(
      `${file}: skipped the offices of ${unknownMembers.length} id(s) not among the imported members (${unknownMembers.slice(0, 5).join(", ")}${unknownMembers.length > 5 ? ", …" : ""}).`,
    );
  }
  return { rows, skipped: problems.length };
}

function parseZipCsv(text: string, file: string) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").trim();
  if (header !== ZCCD_HEADER) {
    throw new CongressDataError(
      `${file} is not in the expected format: its first line should be "${ZCCD_HEADER}" but is "${header.slice(0, 80)}".`,
    );
  }
  const rows: ZipDistrictValues[] = [];
  const problems: string[] = [];
  let total = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    total++;
    const [state_fips, state_abbr, zcta, cd, ...rest] = line.split(",");
    const row = zipRowSchema.safeParse({ state_fips, state_abbr, zcta, cd });
    if (!row.success || rest.length) {
      problems.push(`line ${i + 1}: ${row.success ? "too many columns" : issueText(row.error)}`);
      continue;
    }
    rows.push({ zip: row.data.zcta, state: row.data.state_abbr, district: row.data.cd });
  }
  assertMostlyValid(file, total, problems.length, problems[0]);
  return { rows, problems };
}

/** Validates and converts the four upstream files. Throws CongressDataError when a file is not the expected format. */
export function parseCongressData(
  files: CongressFiles,
  today = new Date().toISOString().slice(0, 10),
): ParsedCongressData {
  const warnings: string[] = [];
  const legislators = parseLegislators(files.legislators, today, warnings);
  const offices = parseOffices(files.offices, new Set(legislators.rows.map((r) => r.bioguide)), warnings);

  const zccd = parseZipCsv(files.zccd, CONGRESS_FILES.zccd);
  const island =
    files.islandAreas === undefined ? undefined : parseZipCsv(files.islandAreas, CONGRESS_FILES.islandAreas);
  if (!island)
    warnings.push(
      `${CONGRESS_FILES.islandAreas} was not available, so ZIPs in VI, AS, GU and MP are not mapped to their delegates.`,
    );
  const problems = [...zccd.problems, ...(island?.problems ?? [])];
  if (problems.length)
    warnings.push(
      `ZIP files: skipped ${problems.length} invalid row(s): ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}.`,
    );

  const byKey = new Map<string, ZipDistrictValues>();
  for (const r of [...zccd.rows, ...(island?.rows ?? [])]) byKey.set(`${r.zip}|${r.state}|${r.district}`, r);
  const duplicates = zccd.rows.length + (island?.rows.length ?? 0) - byKey.size;
  if (duplicates) warnings.push(`ZIP files: ${duplicates} duplicate row(s) ignored.`);
  const zipDistricts = [...byKey.values()].sort(
    (a, b) => a.zip.localeCompare(b.zip) || a.state.localeCompare(b.state) || a.district - b.district,
  );

  // Every House seat should have ZIPs; a seat with ZIPs and no member is vacant.
  const seats = new Set(zipDistricts.map((r) => `${r.state}|${r.district}`));
  const islandStates = new Set(["VI", "AS", "GU", "MP"]);
  const unmapped = legislators.rows.filter(
    (r) =>
      r.chamber === "house" &&
      !seats.has(`${r.state}|${r.district}`) &&
      (island || !islandStates.has(r.state)),
  );
  if (unmapped.length) {
    warnings.push(
      `No ZIPs map to the seat of ${unmapped.map((r) => memberLabel(r)).join(", ")}: ZIP lookups will not find them.`,
    );
  }

  // The data carries no publication date; the latest term start is the best the files offer.
  const sourceDate =
    legislators.rows.reduce((max, r) => (r.termStart > max ? r.termStart : max), "") || today;

  return {
    legislators: legislators.rows,
    offices: offices.rows,
    zipDistricts,
    sourceDate,
    skipped: { legislators: legislators.skipped, offices: offices.skipped, zipRows: problems.length },
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the files

/** The island-areas file is optional: without it, those ZIPs are left out with a warning. */

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object")
    return `an object with keys ${
      Object.keys(value as object)
        .slice(0, 5)
        .join(", ") || "(none)"
    }`;
  return `a ${typeof value}`;
}

function describeOffice(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "(no id)";
}
