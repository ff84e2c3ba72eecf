import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import {
  CONGRESS_URLS,
  ensureCongressData,
  importCongressData,
  importCurrentCongressData,
  parseCongressData,
  type ImportReport,
} from "~/modules/legislators/import.server";
import { COMMITTEE_URLS } from "~/modules/legislators/committees-data.server";
import {
  countLegislators,
  findLatestImport,
  findOfficesByBioguide,
} from "~/modules/legislators/legislators.queries.server";
import { CONGRESS_SNAPSHOT, readSnapshotFile } from "../support/congress-snapshot";
import {
  clearDistrictCache,
  lookupDistricts,
  validateZipParam,
} from "~/modules/legislators/district-lookup.server";

const upstream = CONGRESS_SNAPSHOT;
const REMOVED = "B000490"; // Sanford D. Bishop, Jr. (GA-2), who has district offices
const CHANGED = "S000033"; // Bernard Sanders (VT)
const tmpDirs: string[] = [];

/** The ZIP lookup that the letter page and GET /api/v1/districts use, uncached. */
async function lookupZip(zip: string) {
  clearDistrictCache();
  const { result } = await lookupDistricts(zip);
  return result;
}

/** The candidate districts of a ZIP; none when the lookup finds none. */
async function candidatesOf(zip: string) {
  const result = await lookupZip(zip);
  return result.ok ? result.lookup.candidates : [];
}

function copyUpstream(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "congress-import-"));
  tmpDirs.push(dir);
  // plain, writable copies of the snapshot (which stores the big files gzipped)
  for (const f of [
    "legislators-current.json",
    "legislators-district-offices.json",
    "zccd.csv",
    "zccd-island-areas.csv",
  ]) {
    writeFileSync(path.join(dir, f), readSnapshotFile(f));
  }
  return dir;
}

function alteredCopy(): string {
  const dir = copyUpstream();
  const file = path.join(dir, "legislators-current.json");
  const people = JSON.parse(readFileSync(file, "utf8")) as Array<{
    id: { bioguide: string };
    terms: Array<{ phone?: string }>;
  }>;
  const kept = people.filter((p) => p.id.bioguide !== REMOVED);
  expect(kept.length).toBe(people.length - 1);
  const sanders = kept.find((p) => p.id.bioguide === CHANGED)!;
  sanders.terms[sanders.terms.length - 1].phone = "202-555-0199";
  writeFileSync(file, JSON.stringify(kept, null, 2));
  return dir;
}

async function tableCounts() {
  const one = async (q: Promise<{ n: number | string }>) => Number((await q).n);
  const d = db();
  return {
    legislators: await countLegislators(d),
    offices: await one(
      d
        .selectFrom("legislatorOffices")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ),
    zipRows: await one(
      d
        .selectFrom("zipDistricts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ),
    imports: await one(
      d
        .selectFrom("dataImports")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ),
  };
}

async function phoneOf(bioguide: string) {
  const row = await db()
    .selectFrom("legislators")
    .select(["phone", "importId"])
    .where("bioguide", "=", bioguide)
    .executeTakeFirst();
  return row;
}

let first: ImportReport;
let firstMs = 0;

beforeAll(async () => {
  const started = performance.now();
  first = await importCongressData(db(), { folder: upstream });
  firstMs = performance.now() - started;
  console.info(`[legislators-import] first import took ${Math.round(firstMs)} ms: ${first.summary}`);
});

afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

describe("importCongressData from the upstream files", () => {
  it("imports the README's published counts within a few seconds", async () => {
    expect(firstMs).toBeLessThan(10_000);
    expect(first.counts).toMatchObject({
      legislators: 537,
      senators: 100,
      representatives: 437,
      nonVoting: 6,
      zipRows: 42_050,
      zips: 33_791,
      skippedLegislators: 0,
      skippedZipRows: 0,
      vacantSeats: 4,
    });
    expect(first.vacancies).toEqual(["CA-14", "FL-20", "GA-13", "TX-23"]);
    expect(first.added).toHaveLength(537);
    expect(first.removed).toEqual([]);
    expect(first.changed).toEqual([]);
    expect(first.summary).toMatch(
      /^Imported 537 members of Congress \(100 senators, 437 House\), 1,312 district offices, 42,050 ZIP-district rows for 33,791 ZIPs; added 537, removed 0, changed 0\./,
    );

    const d = db();
    const byTitle = await d
      .selectFrom("legislators")
      .select(["title", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("title")
      .execute();
    expect(Object.fromEntries(byTitle.map((r) => [r.title, Number(r.n)]))).toEqual({
      Senator: 100,
      Representative: 431,
      Delegate: 5,
      "Resident Commissioner": 1,
    });
    const zips = await d
      .selectFrom("zipDistricts")
      .select(sql<number>`count(distinct zip)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(zips.n)).toBe(33_791);
    const islands = await d
      .selectFrom("zipDistricts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("state", "in", ["VI", "AS", "GU", "MP"])
      .executeTakeFirstOrThrow();
    expect(Number(islands.n)).toBe(17);
    expect(await tableCounts()).toMatchObject({
      legislators: 537,
      offices: first.counts.offices,
      zipRows: 42_050,
      imports: 1,
    });

    const latest = await findLatestImport(d, "congress");
    expect(latest).toMatchObject({
      id: first.importId,
      kind: "congress",
      source: upstream,
      sourceDate: "2026-06-10",
    });
    expect(latest?.counts).toMatchObject({
      legislators: 537,
      senators: 100,
      representatives: 437,
      zipRows: 42_050,
      zips: 33_791,
    });
    const unstamped = await d
      .selectFrom("legislators")
      .select("bioguide")
      .where((eb) => eb.or([eb("importId", "is", null), eb("importId", "!=", first.importId)]))
      .execute();
    expect(unstamped).toEqual([]);
  });

  it("derives titles, names, districts and caucus", async () => {
    const rows = await db()
      .selectFrom("legislators")
      .select([
        "bioguide",
        "title",
        "fullName",
        "district",
        "party",
        "caucus",
        "chamber",
        "senateClass",
        "stateRank",
        "phone",
      ])
      .where("bioguide", "in", ["H001103", "N000147", "M001246", "G000607", "S000033", "B001318", "K000401"])
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.bioguide, r]));
    expect(by.H001103).toMatchObject({ title: "Resident Commissioner", district: 0 });
    expect(by.N000147).toMatchObject({ title: "Delegate", district: 0 });
    expect(by.M001246.fullName).toBe("Analilia Mejia"); // no official_full upstream
    expect(by.G000607).toMatchObject({ fullName: "James Gallagher", phone: null });
    expect(by.S000033).toMatchObject({
      title: "Senator",
      district: null,
      party: "Independent",
      caucus: "Democrat",
      senateClass: 1,
    });
    expect(by.B001318).toMatchObject({ title: "Representative", district: 0, caucus: null });
    expect(by.K000401).toMatchObject({ party: "Independent", caucus: "Republican" });
    expect(await findOfficesByBioguide(db(), 119, "G000607")).toEqual([]);
    expect((await findOfficesByBioguide(db(), 119, REMOVED)).length).toBeGreaterThan(0);
  });
});

describe("the ZIP lookup after an import", () => {
  it("05401 gives Vermont's at-large member and both senators", async () => {
    const candidates = await candidatesOf("05401");
    expect(candidates).toHaveLength(1);
    const [vt] = candidates;
    expect(vt).toMatchObject({
      state: "VT",
      district: 0,
      label: "VT-AL",
      vacant: false,
      house: { bioguide: "B001318", title: "Representative" },
    });
    expect(vt.senators.map((s) => s.lastName).sort()).toEqual(["Sanders", "Welch"]);
    expect(vt.senators.every((s) => s.chamber === "senate" && s.district === null)).toBe(true);
  });

  it("90210 lists every district it touches", async () => {
    const candidates = await candidatesOf("90210");
    expect(candidates.map((c) => `${c.state}-${c.district}`)).toEqual(["CA-30", "CA-32", "CA-36"]);
    for (const c of candidates) {
      expect(c.house).not.toBeNull();
      expect(c.senators).toHaveLength(2);
    }
    expect(candidates.map((c) => c.house?.lastName)).toEqual(["Friedman", "Sherman", "Lieu"]);
  });

  it("00802 gives the Virgin Islands delegate and no senators", async () => {
    const candidates = await candidatesOf("00802");
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      state: "VI",
      district: 0,
      label: "VI",
      house: { bioguide: "P000610", title: "Delegate" },
      senators: [],
    });
  });

  it("a vacant seat gives house null and still two senators", async () => {
    for (const [state, district] of [
      ["CA", 14],
      ["FL", 20],
      ["GA", 13],
      ["TX", 23],
    ] as const) {
      const zip = await db()
        .selectFrom("zipDistricts")
        .select("zip")
        .where("state", "=", state)
        .where("district", "=", district)
        .limit(1)
        .executeTakeFirstOrThrow();
      const seat = (await candidatesOf(zip.zip)).find((c) => c.state === state && c.district === district);
      expect(seat, `${state}-${district}`).toBeDefined();
      expect(seat!.house).toBeNull();
      expect(seat!.vacant).toBe(true);
      expect(seat!.senators).toHaveLength(2);
    }
  });

  it("a multi-state ZIP gives each state's senators; unknown ZIPs give no candidates", async () => {
    const rome = await candidatesOf("30165");
    expect(rome.map((c) => `${c.state}-${c.district}`)).toEqual(["AL-3", "GA-14"]);
    expect(rome.every((c) => c.senators.length === 2 && c.senators.every((s) => s.state === c.state))).toBe(
      true,
    );
    expect(await lookupZip("99999")).toMatchObject({ ok: false, status: 404, code: "unknown_zip" });
    const zipPlus4 = validateZipParam("05401-1234");
    expect(zipPlus4).toEqual({ ok: true, zip: "05401" });
    expect(await candidatesOf("05401")).toHaveLength(1);
    expect(validateZipParam("nope").ok).toBe(false);
    expect(await lookupZip("nope")).toMatchObject({ ok: false, status: 400, code: "invalid_zip" });
  });
});

describe("re-importing", () => {
  it("updates in place and reports exactly the removed and the changed member", async () => {
    const before = await tableCounts();
    const removedOffices = (await findOfficesByBioguide(db(), 119, REMOVED)).length;
    const dir = alteredCopy();
    const report = await importCongressData(db(), { folder: dir });

    expect(report.added).toEqual([]);
    expect(report.removed).toEqual(["B000490 Sanford D. Bishop, Jr. (GA-2)"]);
    expect(report.changed).toEqual(["S000033 Bernard Sanders (VT): phone"]);
    expect(report.counts).toMatchObject({
      legislators: 536,
      senators: 100,
      representatives: 436,
      zipRows: 42_050,
      zips: 33_791,
    });
    expect(report.summary).toContain("added 0, removed 1, changed 1.");

    expect(await tableCounts()).toEqual({
      legislators: 536,
      offices: before.offices - removedOffices,
      zipRows: 42_050,
      imports: before.imports + 1,
    });
    expect(await phoneOf(REMOVED)).toBeUndefined();
    expect(await findOfficesByBioguide(db(), 119, REMOVED)).toEqual([]);
    expect(await phoneOf(CHANGED)).toEqual({ phone: "202-555-0199", importId: report.importId });
    const dupes = await db()
      .selectFrom("zipDistricts")
      .select(["zip", "state", "district"])
      .groupBy(["zip", "state", "district"])
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(dupes).toEqual([]);
    const latest = await findLatestImport(db(), "congress");
    expect(latest).toMatchObject({
      id: report.importId,
      source: dir,
      removed: report.removed,
      changed: report.changed,
      added: [],
    });
    // only the changed row's stamp moved
    const stamps = await db()
      .selectFrom("legislators")
      .select(["bioguide", "updatedAt"])
      .where("bioguide", "in", [CHANGED, "W000800"])
      .execute();
    const stamp = Object.fromEntries(stamps.map((r) => [r.bioguide, r.updatedAt.getTime()]));
    expect(stamp[CHANGED]).toBeGreaterThan(stamp.W000800);

    // and back: the member returns as added, Sanders' phone as changed
    const back = await importCongressData(db(), { folder: upstream });
    expect(back.added).toEqual(["B000490 Sanford D. Bishop, Jr. (GA-2)"]);
    expect(back.removed).toEqual([]);
    expect(back.changed).toEqual(["S000033 Bernard Sanders (VT): phone"]);
    expect(await tableCounts()).toEqual({ ...before, imports: before.imports + 2 });
  });

  it("a malformed file gives a clear error and leaves the tables as they were", async () => {
    const before = await tableCounts();
    const dir = alteredCopy();
    const file = path.join(dir, "legislators-current.json");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 5000)); // a truncated download
    await expect(importCongressData(db(), { folder: dir })).rejects.toThrow(
      /legislators-current\.json is not valid JSON/,
    );

    const dir2 = copyUpstream();
    writeFileSync(path.join(dir2, "legislators-current.json"), JSON.stringify({ legislators: [] }));
    await expect(importCongressData(db(), { folder: dir2 })).rejects.toThrow(
      /expected a JSON array of people/,
    );

    const dir3 = copyUpstream();
    writeFileSync(path.join(dir3, "zccd.csv"), "zip,state,district\n05401,VT,0\n");
    await expect(importCongressData(db(), { folder: dir3 })).rejects.toThrow(
      /zccd\.csv is not in the expected format: its first line should be "state_fips,state_abbr,zcta,cd"/,
    );

    await expect(importCongressData(db(), { folder: path.join(dir3, "missing") })).rejects.toThrow(
      /does not exist/,
    );

    expect(await tableCounts()).toEqual(before);
    expect(await phoneOf(REMOVED)).toBeDefined();
  });

  it("a failure while writing rolls the whole import back", async () => {
    const before = await tableCounts();
    const latestBefore = await findLatestImport(db(), "congress");
    const sanders = await phoneOf(CHANGED);
    // make the last step (the ZIP rows) fail, after legislators and offices were written
    await sql`
      create function fail_zip_insert() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$;
      create trigger fail_zip_insert before insert on zip_districts for each row when (new.zip = '05401') execute function fail_zip_insert();
    `.execute(db());
    try {
      await expect(importCongressData(db(), { folder: alteredCopy() })).rejects.toThrow(/injected failure/);
    } finally {
      await sql`drop trigger fail_zip_insert on zip_districts; drop function fail_zip_insert();`.execute(
        db(),
      );
    }
    expect(await tableCounts()).toEqual(before);
    expect(await phoneOf(REMOVED)).toBeDefined();
    expect(await phoneOf(CHANGED)).toEqual(sanders);
    expect((await findLatestImport(db(), "congress"))?.id).toBe(latestBefore?.id);
  });
});

describe("validation", () => {
  const read = (f: string) => readSnapshotFile(f);

  it("skips and counts invalid records instead of failing the import", () => {
    const people = JSON.parse(read("legislators-current.json"));
    people[0].terms[people[0].terms.length - 1].state = "Washington";
    delete people[1].name.last;
    people.push(people[2]); // listed twice
    const offices = JSON.parse(read("legislators-district-offices.json"));
    offices[0].offices[0].latitude = "north";
    const zccd = `${read("zccd.csv")}01,AL,3500,3\r\n01,AL,35004,ZZ\r\n01,AL,35004,3\r\n`;
    const parsed = parseCongressData({
      legislators: JSON.stringify(people),
      offices: JSON.stringify(offices),
      zccd,
      islandAreas: read("zccd-island-areas.csv"),
    });
    expect(parsed.skipped).toEqual({ legislators: 3, offices: 1, zipRows: 2 });
    expect(parsed.legislators).toHaveLength(535); // 538 entries, 3 skipped
    expect(parsed.zipDistricts).toHaveLength(42_050); // the duplicate is ignored
    const warnings = parsed.warnings.join("\n");
    expect(warnings).toMatch(
      /legislators-current\.json: skipped 3 invalid record\(s\): C000127: last term state: expected a 2-letter state code/,
    );
    expect(warnings).toContain("listed twice");
    expect(warnings).toMatch(
      /legislators-district-offices\.json: skipped 1 invalid record\(s\): A000055 office A000055-cullman: latitude/,
    );
    expect(warnings).toContain("1 duplicate row(s) ignored");
  });

  it("refuses a file where most records are not the expected shape", () => {
    const people = JSON.parse(read("legislators-current.json")).map((p: { id: { bioguide: string } }) => ({
      bioguide: p.id.bioguide,
    }));
    expect(() =>
      parseCongressData({
        legislators: JSON.stringify(people),
        offices: read("legislators-district-offices.json"),
        zccd: read("zccd.csv"),
      }),
    ).toThrow(/legislators-current\.json is not in the expected format: 537 of 537 records are invalid/);
  });
});

describe("fetching from the public addresses", () => {
  const files: Record<string, string> = {
    [CONGRESS_URLS.legislators]: "legislators-current.json",
    [CONGRESS_URLS.offices]: "legislators-district-offices.json",
    [CONGRESS_URLS.zccd]: "zccd.csv",
    [COMMITTEE_URLS.committees]: "committees-current.json",
    [COMMITTEE_URLS.memberships]: "committee-membership-current.json",
  };

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("names the address that could not be reached", async () => {
    const before = await tableCounts();
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        if (url === CONGRESS_URLS.zccd) throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
        return new Response(readSnapshotFile(files[url]));
      }),
    );
    await expect(importCongressData(db(), { fetch: true })).rejects.toThrow(
      `Could not reach ${CONGRESS_URLS.zccd} (ENOTFOUND)`,
    );
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("gone", { status: 404, statusText: "Not Found" })),
    );
    await expect(importCongressData(db(), { fetch: true })).rejects.toThrow(
      /Could not download https:\/\/.* 404 Not Found/,
    );
    vi.unstubAllGlobals();
    expect(await tableCounts()).toEqual(before);
  });

  it("downloads the five public files (two of them committees), with the island areas from a folder or skipped with a warning", async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      expect(init?.signal).toBeInstanceOf(AbortSignal);
      return new Response(readSnapshotFile(files[url]));
    });
    vi.stubGlobal("fetch", fetchMock);
    try {
      const withoutIslands = await importCongressData(db(), { fetch: true });
      expect(fetchMock).toHaveBeenCalledTimes(5);
      expect(withoutIslands.counts).toMatchObject({ legislators: 537, zipRows: 42_033, committees: 230 });
      expect(withoutIslands.warnings.join(" ")).toMatch(/zccd-island-areas\.csv was not available/);
      expect(await candidatesOf("00802")).toEqual([]);

      const withIslands = await importCongressData(db(), { fetch: true, islandAreasFolder: upstream });
      expect(withIslands.counts).toMatchObject({ legislators: 537, zipRows: 42_050, zips: 33_791 });
      expect(withIslands.changed).toEqual([]);
      const latest = await findLatestImport(db(), "congress");
      expect(latest?.source).toContain(CONGRESS_URLS.legislators);
      expect(latest?.sourceDate).toBe("2026-06-10");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("importCurrentCongressData (npm run data:import with no folder)", () => {
  it("falls back to the snapshot that ships with the project, saying so, when offline", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed", { cause: { code: "EAI_AGAIN" } }))),
    );
    const warn = vi.fn();
    try {
      const report = await importCurrentCongressData(db(), warn);
      expect(report.counts).toMatchObject({ legislators: 537, zipRows: 42_050, zips: 33_791 });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /Could not reach https:\/\/\S+ \(EAI_AGAIN\).*Importing the snapshot in \S+data\/congress instead/,
    );
    expect((await findLatestImport(db(), "congress"))?.source).toBe(CONGRESS_SNAPSHOT);
    expect((await candidatesOf("05401")).length).toBeGreaterThan(0);
  });

  it("takes the current files when they can be fetched, with the island areas from the snapshot", async () => {
    const files: Record<string, string> = {
      [CONGRESS_URLS.legislators]: "legislators-current.json",
      [CONGRESS_URLS.offices]: "legislators-district-offices.json",
      [CONGRESS_URLS.zccd]: "zccd.csv",
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => new Response(readSnapshotFile(files[url]))),
    );
    const warn = vi.fn();
    try {
      const report = await importCurrentCongressData(db(), warn);
      expect(report.counts).toMatchObject({ legislators: 537, zipRows: 42_050 });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(warn).not.toHaveBeenCalled();
    expect((await findLatestImport(db(), "congress"))?.source).toContain(CONGRESS_URLS.zccd);
  });
});

describe("ensureCongressData", () => {
  it("does nothing when members are loaded", async () => {
    const info = vi.fn();
    const warn = vi.fn();
    const before = await tableCounts();
    await ensureCongressData(db(), info, warn);
    expect(info).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(await tableCounts()).toEqual(before);
  });

  it("imports from DATA_IMPORT_DIR when the table is empty", async () => {
    await db().deleteFrom("legislators").execute();
    overrideEnv({ DATA_IMPORT_DIR: upstream });
    const info = vi.fn();
    const warn = vi.fn();
    await ensureCongressData(db(), info, warn);
    expect(warn).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith(expect.stringContaining("Imported 537 members of Congress"));
    expect(await countLegislators(db())).toBe(537);
  });

  it("imports the snapshot that ships with the project when DATA_IMPORT_DIR is not set", async () => {
    await db().deleteFrom("legislators").execute();
    overrideEnv({ DATA_IMPORT_DIR: undefined });
    const info = vi.fn();
    const warn = vi.fn();
    await ensureCongressData(db(), info, warn);
    expect(warn).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Members of Congress loaded from the snapshot in \S+data\/congress\. Imported 537/,
      ),
    );
    expect(await countLegislators(db())).toBe(537);
  });

  it("warns, without throwing, when no source can be reached", async () => {
    await db().deleteFrom("legislators").execute();
    const cwd = process.cwd();
    const elsewhere = mkdtempSync(path.join(tmpdir(), "congress-cwd-"));
    tmpDirs.push(elsewhere);
    overrideEnv({ DATA_IMPORT_DIR: path.join(elsewhere, "missing") });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed", { cause: { code: "EAI_AGAIN" } }))),
    );
    process.chdir(elsewhere); // so the snapshot (data/congress, relative) is not found either
    const info = vi.fn();
    const warn = vi.fn();
    try {
      await ensureCongressData(db(), info, warn);
    } finally {
      process.chdir(cwd);
      vi.unstubAllGlobals();
    }
    expect(info).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0][0] as string;
    expect(message).toMatch(/^Members of Congress are not loaded/);
    expect(message).toContain("npm run data:import -- <folder>");
    expect(message).toContain("does not exist");
    expect(message).toMatch(/Could not reach https:\/\/\S+ \(EAI_AGAIN\)/);
    expect(await countLegislators(db())).toBe(0);

    await importCongressData(db(), { folder: upstream }); // leave the data in place
  });
});
