import type { Executor } from "~db/index.server";
import { env } from "~/env.server";
import { checkpointKey, logOrigin } from "./checkpoint-key.server";
import { MerkleFrontier } from "./merkle";
import { checkpointBody, signNote } from "./signed-note";
import { findDueLogs, insertCheckpoint } from "./transparency.queries.server";

/**
 * Signs a checkpoint for every log whose lines are not all covered yet and whose checkpoint is
 * due: every TRANSPARENCY_CHECKPOINT_SECONDS while it grows, and at once for a log's first lines
 * and after any removal. The checkpoint is read off the log's stored frontier (one root, one
 * Ed25519 signature: the log is never reread) and stored with the tally at its size, so the
 * checkpoint, the log up to its size and its tally always describe one moment. Returns how many
 * were signed.
 */
export async function publishDueCheckpoints(trx: Executor, petitionIds?: number[]): Promise<number> {
  if (petitionIds && !petitionIds.length) return 0;
  const due = await findDueLogs(trx, env().TRANSPARENCY_CHECKPOINT_SECONDS, petitionIds);
  for (const log of due) {
    const root = MerkleFrontier.fromJSON(log.size, log.frontier).root();
    await insertCheckpoint(trx, {
      petitionId: log.petitionId,
      size: log.size,
      note: signNote(checkpointBody(logOrigin(log.petitionId), log.size, root), checkpointKey()),
      tally: log.tally,
    });
  }
  return due.length;
}
