import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { clearTargetRoster } from "~/modules/legislators/targets.server";
import { buildCongress120Folder } from "./congress-120";
import { CONGRESS_SNAPSHOT } from "./congress-snapshot";
import { FakeCwc } from "./fake-cwc";

/*
 * The Congress data and CWC setup that the CWC and switch tests (integration and e2e) and
 * bench/cwc.ts share: the 119th snapshot imported, with the "119th to 120th" fixture beside it
 * when asked; a started test CWC server with the Senate offices that take CWC. (A built server
 * delivering to it: startCwcServer in extra-server.ts, which needs the test runner.)
 */

type Database = Parameters<typeof importCongressData>[0];

/** Imports the snapshot (the 119th) and, with `next`, the 120th fixture; this process's lookups forget what they held. */
export async function importCongresses(database: Database, options: { next?: boolean } = {}) {
  const current = await importCongressData(database, { folder: CONGRESS_SNAPSHOT });
  const next = options.next ? await importCongressData(database, { folder: buildCongress120Folder() }) : null;
  clearDistrictCache();
  clearTargetRoster();
  return { current, next };
}

/** A started test CWC server; `senateOffices`: the Senate offices on CWC (the others need the form). */
export async function startFakeCwc(senateOffices: string[]): Promise<FakeCwc> {
  const fake = new FakeCwc();
  await fake.start();
  fake.senateOffices = senateOffices;
  return fake;
}
