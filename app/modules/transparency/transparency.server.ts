import { randomBytes } from "node:crypto";
import { db, type Executor } from "~db/index.server";
import { appUrl } from "~/env.server";
import { checkpointKey, logOrigin, publicVerifierKey } from "./checkpoint-key.server";
import { MerkleFrontier } from "./merkle";
import { encodeReceipt } from "./receipt";
import { checkpointBody, signNote } from "./signed-note";
import { canonicalTally, emptyTally, type Tally } from "./tally";
import {
  countPending,
  findCheckpoint,
  findLogEntries,
  findPublicPetition,
  insertNonceOnce,
  listCheckpointSizes,
  readLogLines,
} from "./transparency.queries.server";
import type { PublishedTally } from "./verify-log";

export { appendToLogs, forgetInLog } from "./appender.server";
export { publishDueCheckpoints } from "./checkpoints.server";
export { publicVerifierKey } from "./checkpoint-key.server";

/**
 * The signer's receipt, made at confirmation: the 32 random bytes behind their commitment are
 * drawn here (never in the signing statement) and the line follows with the next roll-up.
 */
export async function issueReceipt(trx: Executor, petitionId: number, signatureId: number): Promise<string> {
  const { nonce } = await insertNonceOnce(trx, petitionId, signatureId, randomBytes(32));
  return encodeReceipt({ petitionId, signatureId, nonce: nonce as Buffer });
}

/** The receipt of a signature that has one (none after erasure). */
export async function receiptFor(signatureId: number): Promise<string | null> {
  const [entry] = await findLogEntries(db(), [signatureId]);
  if (!entry?.nonce) return null;
  return encodeReceipt({ petitionId: entry.petitionId, signatureId, nonce: entry.nonce });
}

/**
 * A live petition's published log at one checkpoint (the latest, or the one of `size`): the signed
 * note and the tally published with it, pending apart. Null: no such petition; `missing`: no
 * checkpoint of that size.
 */
export async function findPetitionLog(slug: string, size?: number) {
  const petition = await findPublicPetition(db(), slug);
  if (!petition) return null;
  const [published, pending] = await Promise.all([
    findCheckpoint(db(), petition.id, size),
    countPending(db(), petition.id),
  ]);
  if (!published && size !== undefined && size !== 0)
    return { missing: true as const, petitionId: petition.id };
  // An empty log's checkpoint is made on the fly (Ed25519 signatures are deterministic).
  const checkpoint =
    published?.note ??
    signNote(checkpointBody(logOrigin(petition.id), 0, new MerkleFrontier().root()), checkpointKey());
  const tally: Tally = canonicalTally((published?.tally as unknown as Tally) ?? emptyTally());
  const at = published?.size ?? 0;
  const base = `${appUrl()}/transparency/petitions/${petition.slug}`;
  const json: PublishedTally & Record<string, unknown> = {
    petition: { id: petition.id, slug: petition.slug },
    title: petition.title,
    size: at,
    root: checkpoint.split("\n")[2],
    verifierKey: publicVerifierKey(),
    tally,
    pending,
    pendingNote:
      "Pending signatures wait for their email confirmation; they are not in the log and not counted.",
    log: `${base}/log?size=${at}`,
    checkpoint: `${base}/checkpoint?size=${at}`,
  };
  return {
    missing: false as const,
    petitionId: petition.id,
    slug: petition.slug,
    title: petition.title,
    size: at,
    checkpoint,
    json,
  };
}

export function recentCheckpoints(petitionId: number) {
  return listCheckpointSizes(db(), petitionId, 20);
}

/** The log's lines up to `size`, read in pages and streamed (a million lines never sit in memory at once). */
export function streamLog(petitionId: number, size: number): ReadableStream<Uint8Array> {
  const PAGE = 20_000;
  let from = 0;
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      if (from >= size) {
        controller.close();
        return;
      }
      const to = Math.min(size, from + PAGE);
      const lines = await readLogLines(db(), petitionId, from, to);
      if (lines.length !== to - from) {
        controller.error(new Error(`log ${petitionId} is missing lines between ${from} and ${to}`));
        return;
      }
      from = to;
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
  });
}
