import { db } from "~db/index.server";
import { appendToLogs, publishDueCheckpoints } from "~/modules/transparency/transparency.server";
import {
  deleteUnconfirmedSignatures,
  lockRollup,
  foldSignatureBatch,
  pruneIpHourlyCounts,
  rebuildPetitionRollups,
  scheduleJob,
  stampRollupRun,
} from "./rollup.queries.server";

const BATCH = 20_000;
/** How often the roll-up runs: the pages trail real time by about this much. */
export const ROLLUP_INTERVAL_SECONDS = 2;

/**
 * Folds every signature changed since the last run into the roll-ups, and appends the same
 * changes to the petitions' transparency logs in the same transaction; a log's checkpoint (and
 * the tally published with it) follows on its cadence (publishDueCheckpoints). Returns how many
 * were folded.
 */
export async function rollUpSignatures(maxBatches = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const [folded, logged] = await db()
      .transaction()
      .execute(async (trx) => {
        await lockRollup(trx);
        const n = await foldSignatureBatch(trx, BATCH);
        if (n > 0 || i === 0) await stampRollupRun(trx, n);
        if (i === 0) await pruneIpHourlyCounts(trx);
        const logged = await appendToLogs(trx, BATCH);
        await publishDueCheckpoints(trx);
        return [n, logged];
      });
    total += folded;
    if (folded < BATCH && logged < BATCH) break;
  }
  return total;
}

/** The roll_up_signatures job: fold, then come back in a couple of seconds. */
export async function rollUpSignaturesJob(): Promise<void> {
  try {
    await rollUpSignatures();
  } finally {
    await scheduleJob(db(), "roll_up_signatures", ROLLUP_INTERVAL_SECONDS);
  }
}

export async function recomputePetitionCounts(petitionId: number): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await lockRollup(trx);
      await rebuildPetitionRollups(trx, petitionId);
      await stampRollupRun(trx, 0);
      while ((await appendToLogs(trx, BATCH)) === BATCH);
      await publishDueCheckpoints(trx);
    });
}

/** Retention: deletes pending signatures never confirmed within `days`, keeping the counts right. */
export async function purgeUnconfirmedSignatures(days: number): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      await lockRollup(trx);
      return deleteUnconfirmedSignatures(trx, days);
    });
}
