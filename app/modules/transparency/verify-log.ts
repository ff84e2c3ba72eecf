import { commitment, type LogLine, parseLine } from "./log-lines";
import { MerkleFrontier } from "./merkle";
import { decodeReceipt } from "./receipt";
import { openCheckpoint } from "./signed-note";
import {
  canonicalTally,
  countActive,
  type Geo,
  type Status,
  TRANSITIONS,
  type Tally,
  tallyDifference,
} from "./tally";

// Everything the verifier checks, as one pure function over the published texts (the
// command-line tool in scripts/verify.ts only fetches or reads them). node:crypto only.

/** tally.json as the site publishes it. */
export interface PublishedTally {
  petition: { id: number; slug: string };
  size: number;
  root: string;
  verifierKey: string;
  tally: Tally;
  pending: number;
}

export interface VerifyInput {
  log: string;
  checkpoint: string;
  tally: PublishedTally;
  /** The key to trust (defaults to the one tally.json names, which proves less). */
  verifierKey?: string;
  receipt?: string;
  previous?: string;
}

export interface VerifyReport {
  size: number;
  root: string;
  tally: Tally;
  pending: number;
  receipt?: { position: number; status: "active" };
  previous?: { size: number };
}

export class VerificationError extends Error {}

const STATUS: Status[] = ["active", "invalidated", "withdrawn", "erased"];
const fail = (reason: string): never => {
  throw new VerificationError(reason);
};

function splitLines(log: string): string[] {
  if (log === "") return [];
  if (!log.endsWith("\n")) fail("the log does not end with a newline (cut short?)");
  return log.slice(0, -1).split("\n");
}

export function verifyLog(input: VerifyInput): VerifyReport {
  const vkey = input.verifierKey ?? input.tally.verifierKey;
  const open = (note: string, what: string) => {
    try {
      return openCheckpoint(note, vkey);
    } catch (e) {
      return fail(`${what}: ${(e as Error).message}`);
    }
  };
  const cp = open(input.checkpoint, "checkpoint");
  const previous = input.previous === undefined ? undefined : open(input.previous, "previous checkpoint");
  if (previous && previous.origin !== cp.origin)
    fail(`the previous checkpoint is for ${previous.origin}, not ${cp.origin}`);
  if (previous && previous.size > cp.size)
    fail(`the log shrank: the previous checkpoint had ${previous.size} lines, this one ${cp.size}`);

  const lines = splitLines(input.log);
  if (lines.length !== cp.size) fail(`the log has ${lines.length} lines, the checkpoint says ${cp.size}`);
  const receipt = input.receipt === undefined ? undefined : decodeReceipt(input.receipt);
  if (receipt && receipt.petitionId !== input.tally.petition.id) fail("the receipt is for another petition");

  const frontier = new MerkleFrontier();
  const status = new Uint8Array(cp.size); // 0: not a signature line; else STATUS index + 1
  const geoOf = new Int32Array(cp.size);
  const geoIndex = new Map<string, number>();
  const geos: Geo[] = [];
  const activeByGeo: number[] = [];
  const removed = { invalidated: 0, withdrawn: 0, erased: 0 };
  let confirmed = 0;
  const receiptCommitment = receipt && commitment(receipt.petitionId, receipt.signatureId, receipt.nonce);
  let receiptPosition: number | undefined;
  let receiptRemovedBy: LogLine | undefined;

  for (let i = 0; i < lines.length; i++) {
    let line: LogLine;
    try {
      line = parseLine(lines[i], i);
    } catch (e) {
      return fail((e as Error).message);
    }
    frontier.appendLine(lines[i]);
    if (previous && i + 1 === previous.size && !frontier.root().equals(previous.root))
      fail(`the log rewrites history: its first ${previous.size} lines do not match the previous checkpoint`);
    if (line.type === "signature") {
      const key = `${line.state}|${line.district}|${line.hour}`;
      let g = geoIndex.get(key);
      if (g === undefined) {
        g = geos.length;
        geoIndex.set(key, g);
        geos.push({ state: line.state, district: line.district, hour: line.hour });
        activeByGeo.push(0);
      }
      geoOf[i] = g;
      status[i] = 1;
      activeByGeo[g]++;
      confirmed++;
      if (line.commitment === receiptCommitment) receiptPosition = i;
      continue;
    }
    const rule = TRANSITIONS[line.type];
    const seen = new Set<number>();
    for (const p of line.positions) {
      if (p >= i) fail(`line ${i} (${line.type}) refers to line ${p}, which is not earlier`);
      if (status[p] === 0) fail(`line ${i} (${line.type}) refers to line ${p}, which is not a signature`);
      if (seen.has(p)) fail(`line ${i} (${line.type}) lists line ${p} twice`);
      seen.add(p);
      const from = STATUS[status[p] - 1];
      if (!rule.from.includes(from))
        fail(`line ${i} (${line.type}) refers to line ${p}, which is already ${from}: counted twice`);
      if (from === "active") activeByGeo[geoOf[p]]--;
      else removed[from as keyof typeof removed]--;
      if (rule.to === "active") activeByGeo[geoOf[p]]++;
      else removed[rule.to as keyof typeof removed]++;
      status[p] = STATUS.indexOf(rule.to) + 1;
      if (receiptPosition === p) receiptRemovedBy = rule.to === "active" ? undefined : line;
    }
  }

  const root = frontier.root();
  if (!root.equals(cp.root)) fail("the log's Merkle root does not match the signed checkpoint");
  if (input.tally.size !== cp.size || input.tally.root !== cp.root.toString("base64"))
    fail("tally.json is for another checkpoint than the one given");

  const tally: Tally = {
    confirmed,
    ...removed,
    net: 0,
    byState: {},
    byDistrict: {},
    byHour: {},
  };
  for (let g = 0; g < geos.length; g++) if (activeByGeo[g]) countActive(tally, geos[g], activeByGeo[g]);
  const difference = tallyDifference(tally, input.tally.tally);
  if (difference) fail(`the tally disagrees with the log: ${difference}`);

  let receiptReport: VerifyReport["receipt"];
  if (receipt) {
    if (receiptPosition === undefined)
      return fail("no line in the log matches the receipt (not in the log yet, or not this petition's)");
    if (receiptRemovedBy) {
      const why = receiptRemovedBy.type === "invalidation" ? ` (${receiptRemovedBy.category})` : "";
      fail(
        `the receipt's signature was removed by line ${receiptRemovedBy.position}: ${receiptRemovedBy.type}${why}`,
      );
    }
    receiptReport = { position: receiptPosition, status: "active" };
  }
  return {
    size: cp.size,
    root: root.toString("base64"),
    tally: canonicalTally(tally),
    pending: input.tally.pending,
    receipt: receiptReport,
    previous: previous ? { size: previous.size } : undefined,
  };
}
