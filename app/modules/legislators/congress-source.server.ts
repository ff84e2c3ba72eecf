import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import {
  CONGRESS_FILES,
  CONGRESS_URLS,
  CongressDataError,
  FETCH_TIMEOUT_MS,
  type CongressFiles,
  type CongressSource,
} from "./congress-data.server";
import { COMMITTEE_FILES, COMMITTEE_URLS } from "./committees-data.server";

// Where the public files come from: a folder (the snapshot in data/congress, offline installs,
// tests) or their public addresses. A folder may hold each file plain or gzipped (`name.gz`).

const gunzipAsync = promisify(gunzip);

/** Whether `name` or `name.gz` is in `dir`. */
function hasFile(dir: string, name: string): boolean {
  return existsSync(path.join(dir, name)) || existsSync(path.join(dir, `${name}.gz`));
}

/** Reads `name`, or else `name.gz` unpacked. */
async function readPlainOrGzipped(dir: string, name: string): Promise<string> {
  try {
    const plain = path.join(dir, name);
    if (existsSync(plain)) return await readFile(plain, "utf8");
    return (await gunzipAsync(await readFile(`${plain}.gz`))).toString("utf8");
  } catch (error) {
    throw new CongressDataError(
      `Could not read ${name} in ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

async function readFromFolder(folder: string): Promise<CongressFiles> {
  const dir = path.resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CongressDataError(`The data folder ${dir} does not exist.`);
  const read = (name: string) => readPlainOrGzipped(dir, name);
  const withCommittees =
    hasFile(dir, COMMITTEE_FILES.committees) && hasFile(dir, COMMITTEE_FILES.memberships);
  const [legislators, offices, zccd, islandAreas, committees, memberships] = await Promise.all([
    read(CONGRESS_FILES.legislators),
    read(CONGRESS_FILES.offices),
    read(CONGRESS_FILES.zccd),
    hasFile(dir, CONGRESS_FILES.islandAreas) ? read(CONGRESS_FILES.islandAreas) : Promise.resolve(undefined),
    withCommittees ? read(COMMITTEE_FILES.committees) : Promise.resolve(""),
    withCommittees ? read(COMMITTEE_FILES.memberships) : Promise.resolve(""),
  ]);
  return {
    legislators,
    offices,
    zccd,
    islandAreas,
    committees: withCommittees ? { committees, memberships } : undefined,
  };
}

async function download(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: "application/json, text/csv, */*" },
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason =
      e.name === "TimeoutError"
        ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new CongressDataError(
      `Could not reach ${url} (${reason}). Check the internet connection, or import from a folder: npm run data:import -- <folder>.`,
    );
  }
  if (!response.ok) {
    throw new CongressDataError(
      `Could not download ${url}: the server answered ${response.status} ${response.statusText}.`,
    );
  }
  try {
    return await response.text();
  } catch (error) {
    throw new CongressDataError(
      `Could not download ${url}: the transfer broke off (${(error as Error).message}).`,
    );
  }
}

export async function readSource(
  source: CongressSource,
): Promise<{ files: CongressFiles; description: string }> {
  if ("folder" in source) {
    return { files: await readFromFolder(source.folder), description: path.resolve(source.folder) };
  }
  const [legislators, offices, zccd] = await Promise.all([
    download(CONGRESS_URLS.legislators),
    download(CONGRESS_URLS.offices),
    download(CONGRESS_URLS.zccd),
  ]);
  let islandAreas: string | undefined;
  const urls: string[] = [CONGRESS_URLS.legislators, CONGRESS_URLS.offices, CONGRESS_URLS.zccd];
  if (source.islandAreasFolder) {
    const dir = path.resolve(source.islandAreasFolder);
    islandAreas = await readPlainOrGzipped(dir, CONGRESS_FILES.islandAreas);
    urls.push(path.join(dir, CONGRESS_FILES.islandAreas));
  }
  // The committee files are optional: without them the committees already stored stay.
  const committees = await Promise.all([
    download(COMMITTEE_URLS.committees),
    download(COMMITTEE_URLS.memberships),
  ])
    .then(([c, m]) => ({ committees: c, memberships: m }))
    .catch(() => undefined);
  if (committees) urls.push(COMMITTEE_URLS.committees, COMMITTEE_URLS.memberships);
  return { files: { legislators, offices, zccd, islandAreas, committees }, description: urls.join(" ") };
}

// ---------------------------------------------------------------------------------------------
// The import
