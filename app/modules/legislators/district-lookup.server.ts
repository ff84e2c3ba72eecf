import zipcodes from "zipcodes";
import { db } from "~db/index.server";
import { isUsZip, normalizeUsZip } from "~/lib/fields.schema";
import {
  findLatestCongressImport,
  findMembersForSeats,
  findStateSeats,
  findZipSeats,
  type LookupMemberRow,
} from "./district-lookup.queries.server";
import type { OfficeValues } from "./legislators.queries.server";
import { errorEnvelope } from "~/lib/api.server";
import { officeCode, seatLabel } from "./seats";
import { congressAt } from "./congress.server";

/*
 * ZIP -> candidate districts with their House member (or vacancy) and the state's senators,
 * as GET /api/v1/districts answers it and the letter page uses it. Results are cached in the
 * process per ZIP and keyed by the latest import id (checked at most every few seconds), so a
 * re-import invalidates them without a restart.
 */

/** A district office as the lookup answers it. */
export type DistrictOffice = Omit<OfficeValues, "bioguide" | "fax">;

export interface LookupMember {
  bioguide: string;
  chamber: "senate" | "house";
  title: string;
  name: string;
  firstName: string;
  lastName: string;
  party: string;
  state: string;
  district: number | null;
  /** The CWC office code of the seat, the stable key across Congresses: `HVT00`, `SVT01`. */
  office: string;
  phone: string | null;
  /** The Washington office room, e.g. "2349 Rayburn House Office Building". */
  room: string | null;
  address: string | null;
  contactForm: string | null;
  url: string | null;
  districtOffices: DistrictOffice[];
  /** Committees and subcommittees the member sits on, with side and role ("Chairman", "Ranking Member"). */
  committees: LookupMemberRow["committees"];
}

export interface DistrictCandidate {
  /** "CA-36": what a form sends back to choose this candidate. */
  seat: string;
  /** "CA-36", "VT-AL", "DC" */
  label: string;
  state: string;
  district: number;
  vacant: boolean;
  /** The representative, delegate or resident commissioner; null when the seat is vacant. */
  house: LookupMember | null;
  /** Two for a state; none for DC and the territories. */
  senators: LookupMember[];
}

export interface DistrictLookup {
  zip: string;
  city: string | null;
  /** "zip": from the ZIP data; "state": the ZIP is real but not in the data, so every district of its state is offered. */
  match: "zip" | "state";
  /** The supporter must choose: several candidates (or only the state is known). */
  needsChoice: boolean;
  states: string[];
  candidates: DistrictCandidate[];
  /** `congress`: the Congress in force when the lookup was made (its ZIP map and members). */
  data: { importId: number | null; sourceDate: string | null; congress: number };
}

export type DistrictLookupResult =
  | { ok: true; lookup: DistrictLookup }
  | { ok: false; status: 400 | 404 | 503; code: string; message: string };

const ZIP = /^\d{5}$/;
const CHECK_IMPORT_EVERY_MS = 5_000;
const MAX_ENTRIES = 50_000;

/** Only the JSON text is kept (a third of the memory of the objects); pages parse it. */
let cache = new Map<string, { status: number; json: string }>();
let cachedImportId: number | null | undefined;
let checkedAt = 0;
let sourceDate: string | null = null;

/** Forget every cached answer (tests, and after an import in this process). */
export function clearDistrictCache() {
  cache = new Map();
  cachedImportId = undefined;
  checkedAt = 0;
}

async function currentImport(): Promise<number | null> {
  const now = Date.now();
  if (cachedImportId !== undefined && now - checkedAt < CHECK_IMPORT_EVERY_MS) return cachedImportId;
  const latest = await findLatestCongressImport(db());
  checkedAt = now;
  const id = latest?.id ?? null;
  if (id !== cachedImportId) {
    cache = new Map();
    cachedImportId = id;
    sourceDate = latest?.sourceDate ?? null;
  }
  return id;
}

export function validateZipParam(
  raw: string | null | undefined,
): { ok: true; zip: string } | { ok: false; message: string } {
  const value = (raw ?? "").trim();
  if (!value) return { ok: false, message: "Give a ZIP code, e.g. ?zip=05401." };
  if (!isUsZip(value))
    return {
      ok: false,
      message: `"${value.slice(0, 20)}" is not a ZIP code: a ZIP code is 5 digits, e.g. 05401 (or ZIP+4, 05401-1234).`,
    };
  return { ok: true, zip: normalizeUsZip(value).slice(0, 5) };
}

/** The lookup as JSON text and its HTTP status, served from the cache when the data has not changed. */
export async function lookupDistrictsJson(zip: string): Promise<{ status: number; json: string }> {
  if (!ZIP.test(zip))
    return {
      status: 400,
      json: errorJson({
        ok: false,
        status: 400,
        code: "invalid_zip",
        message: "A ZIP code is 5 digits, e.g. 05401.",
      }),
    };
  const [importId, congress] = await Promise.all([currentImport(), congressAt()]);
  const key = `${congress}:${zip}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = await computeLookup(zip, importId, congress);
  const entry = {
    status: result.ok ? 200 : result.status,
    json: result.ok ? JSON.stringify(result.lookup) : errorJson(result),
  };
  if (result.ok || result.status === 404) {
    if (cache.size >= MAX_ENTRIES) cache = new Map();
    cache.set(key, entry);
  }
  return entry;
}

/** The lookup as objects (for pages). */
export async function lookupDistricts(zip: string): Promise<{ result: DistrictLookupResult }> {
  const { status, json } = await lookupDistrictsJson(zip);
  const body = JSON.parse(json);
  if (status === 200) return { result: { ok: true, lookup: body as DistrictLookup } };
  return {
    result: {
      ok: false,
      status: status as 400 | 404 | 503,
      code: body.error.code,
      message: body.error.message,
    },
  };
}

function errorJson(r: Extract<DistrictLookupResult, { ok: false }>) {
  return JSON.stringify(errorEnvelope(r.code, r.message, { zip: r.message }));
}

async function computeLookup(
  zip: string,
  importId: number | null,
  congress: number,
): Promise<DistrictLookupResult> {
  if (importId === null)
    return {
      ok: false,
      status: 503,
      code: "no_congress_data",
      message: "Members of Congress are not loaded yet. Please try again later.",
    };
  const database = db();
  let seats = await findZipSeats(database, congress, zip);
  const place = zipcodes.lookup(zip);
  let match: DistrictLookup["match"] = "zip";
  if (!seats.length) {
    if (!place || place.country !== "US") {
      return {
        ok: false,
        status: 404,
        code: "unknown_zip",
        message: `We could not find the ZIP code ${zip}. Check it, or use the ZIP code of your home address.`,
      };
    }
    seats = await findStateSeats(database, congress, place.state);
    if (!seats.length) {
      return {
        ok: false,
        status: 404,
        code: "no_district",
        message: `${zip} is a military or overseas ZIP code (${place.state}) with no congressional district. Use the ZIP code of your voting address.`,
      };
    }
    match = "state";
  }
  const states = [...new Set(seats.map((s) => s.state))];
  const rows = await findMembersForSeats(
    database,
    congress,
    states,
    seats.map((s) => `${s.state}-${s.district}`),
  );
  const members = rows.map(toMember);
  const candidates = seats.map(({ state, district }): DistrictCandidate => {
    const house =
      members.find((m) => m.chamber === "house" && m.state === state && m.district === district) ?? null;
    const label = seatLabel(state, district);
    return {
      seat: `${state}-${district}`,
      label,
      state,
      district,
      vacant: !house,
      house,
      senators: members.filter((m) => m.chamber === "senate" && m.state === state),
    };
  });
  return {
    ok: true,
    lookup: {
      zip,
      city: place?.city ?? null,
      match,
      needsChoice: candidates.length > 1,
      states,
      candidates,
      data: { importId, sourceDate, congress },
    },
  };
}

function toMember(r: LookupMemberRow): LookupMember {
  return {
    bioguide: r.bioguide,
    chamber: r.chamber,
    title: r.title,
    name: r.fullName,
    firstName: r.firstName,
    lastName: r.lastName,
    party: r.party,
    state: r.state,
    district: r.district,
    office:
      r.chamber === "senate"
        ? officeCode({ chamber: "senate", state: r.state, senateClass: r.senateClass ?? 0 })
        : officeCode({ chamber: "house", state: r.state, district: r.district }),
    phone: r.phone,
    room: r.office,
    address: r.address,
    contactForm: r.contactForm,
    url: r.url,
    districtOffices: r.offices,
    committees: r.committees,
  };
}

/** The district office nearest to a ZIP (by the ZIP's centre), else the first listed. */
export function nearestOffice(offices: DistrictOffice[], zip: string): DistrictOffice | null {
  if (!offices.length) return null;
  const here = zipcodes.lookup(zip);
  if (!here) return offices[0];
  let best = offices[0];
  let bestDistance = Infinity;
  for (const o of offices) {
    if (o.latitude == null || o.longitude == null) continue;
    const d = distanceKm(here.latitude, here.longitude, o.latitude, o.longitude);
    if (d < bestDistance) {
      bestDistance = d;
      best = o;
    }
  }
  return best;
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}
