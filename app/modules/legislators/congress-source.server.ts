import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CONGRESS_FILES, CONGRESS_URLS, CongressDataError, FETCH_TIMEOUT_MS, type CongressFiles, type CongressSource } from "./congress-data.server";

// Where the public files come from: a folder (offline installs, tests) or their public addresses.

async function readFromFolder(folder: string): Promise<CongressFiles> {
  const dir = path.resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CongressDataError(`The data folder ${dir} does not exist.`);
  const read = async (name: string) => {
    try {
      return await readFile(path.join(dir, name), "utf8");
    } catch (error) {
      throw new CongressDataError(`Could not read ${name} in ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  };
  const islandPath = path.join(dir, CONGRESS_FILES.islandAreas);
  const [legislators, offices, zccd, islandAreas] = await Promise.all([
    read(CONGRESS_FILES.legislators),
    read(CONGRESS_FILES.offices),
    read(CONGRESS_FILES.zccd),
    existsSync(islandPath) ? read(CONGRESS_FILES.islandAreas) : Promise.resolve(undefined),
  ]);
  return { legislators, offices, zccd, islandAreas };
}

async function download(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "application/json, text/csv, */*" } });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason = e.name === "TimeoutError" ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new CongressDataError(`Could not reach ${url} (${reason}). Check the internet connection, or import from a folder: npm run data:import -- <folder>.`);
  }
  if (!response.ok) {
    throw new CongressDataError(`Could not download ${url}: the server answered ${response.status} ${response.statusText}.`);
  }
  try {
    return await response.text();
  } catch (error) {
    throw new CongressDataError(`Could not download ${url}: the transfer broke off (${(error as Error).message}).`);
  }
}

export async function readSource(source: CongressSource): Promise<{ files: CongressFiles; description: string }> {
  if ("folder" in source) {
    return { files: await readFromFolder(source.folder), description: path.resolve(source.folder) };
  }
  const [legislators, offices, zccd] = await Promise.all([download(CONGRESS_URLS.legislators), download(CONGRESS_URLS.offices), download(CONGRESS_URLS.zccd)]);
  let islandAreas: string | undefined;
  const urls: string[] = [CONGRESS_URLS.legislators, CONGRESS_URLS.offices, CONGRESS_URLS.zccd];
  if (source.islandAreasFolder) {
    const file = path.resolve(source.islandAreasFolder, CONGRESS_FILES.islandAreas);
    try {
      islandAreas = await readFile(file, "utf8");
      urls.push(file);
    } catch (error) {
      throw new CongressDataError(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }
  return { files: { legislators, offices, zccd, islandAreas }, description: urls.join(" ") };
}

// ---------------------------------------------------------------------------------------------
// The import

