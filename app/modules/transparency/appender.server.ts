import { randomBytes } from "node:crypto";
import type { Executor } from "~db/index.server";
import type { LogEntryStatus } from "~db/schema";
import {
  commitment,
  formatLine,
  hourOf,
  type LogLine,
  type RemovalCategory,
  type UnplacedLine,
} from "./log-lines";
import { MerkleFrontier } from "./merkle";
import { publishDueCheckpoints } from "./checkpoints.server";
import {
  addSignature,
  emptyTally,
  type Geo,
  moveSignature,
  type Status,
  TRANSITIONS,
  type Tally,
} from "./tally";
import {
  claimUnloggedSignatures,
  eraseEntries,
  findLogEntries,
  findLogForUpdate,
  insertLogLines,
  type LogEntry,
  lockPetitionLog,
  saveLog,
  saveLogEntries,
  type UnloggedSignature,
} from "./transparency.queries.server";

/** An invalidation rule's public category: never the IP hash or the domain itself. */
const CATEGORY: Record<string, RemovalCategory> = {
  ipHash: "ip-burst",
  domain: "blocked-domain",
  email: "duplicate",
};

/** A signature's state as the log reads it. */
const TARGET: Record<string, Status> = {
  confirmed: "active",
  invalidated: "invalidated",
  withdrawn: "withdrawn",
};

interface OpenLog {
  petitionId: number;
  frontier: MerkleFrontier;
  tally: Tally;
  lines: Array<{ position: number; line: string }>;
  /** Signed at the next roll-up whatever the cadence: a first line, or any removal. */
  checkpointDue: boolean;
}

async function openLog(trx: Executor, petitionId: number): Promise<OpenLog> {
  await lockPetitionLog(trx, petitionId);
  const row = await findLogForUpdate(trx, petitionId);
  return {
    petitionId,
    frontier: row ? MerkleFrontier.fromJSON(row.size, row.frontier) : new MerkleFrontier(),
    tally: row ? (row.tally as unknown as Tally) : emptyTally(),
    lines: [],
    checkpointDue: !row || row.checkpointSize === 0,
  };
}

function append(log: OpenLog, line: UnplacedLine): number {
  const position = log.frontier.size;
  const text = formatLine({ ...line, position } as LogLine);
  if (line.type !== "signature") log.checkpointDue = true;
  log.frontier.appendLine(text);
  log.lines.push({ position, line: text });
  return position;
}

/**
 * Saves the lines, the frontier and the tally. The checkpoint is signed apart, on its cadence
 * (publishDueCheckpoints), from what this row holds.
 */
async function closeLog(trx: Executor, log: OpenLog) {
  if (!log.lines.length) return;
  await insertLogLines(trx, log.petitionId, log.lines);
  await saveLog(trx, {
    petitionId: log.petitionId,
    size: log.frontier.size,
    frontier: log.frontier.toJSON(),
    tally: log.tally,
    checkpointDue: log.checkpointDue,
  });
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const geoOf = (e: LogEntry): Geo => ({ state: e.usState, district: e.district, hour: e.hour ?? "" });

/** Appends one event line per group (an invalidation record, or one kind of event) and moves the counts. */
function appendEvents(
  log: OpenLog,
  moves: Array<{ entry: LogEntry; to: Status; category?: RemovalCategory; key: string }>,
) {
  const groups = groupBy(moves, (m) => m.key);
  for (const group of groups.values()) {
    const { to, category } = group[0];
    const type = to === "invalidated" ? "invalidation" : to === "active" ? "restoration" : "withdrawal";
    const positions = group.map((m) => m.entry.position as number);
    append(
      log,
      type === "invalidation" ? { type, category: category ?? "manual", positions } : { type, positions },
    );
    for (const m of group) {
      moveSignature(log.tally, geoOf(m.entry), m.entry.status as Status, to);
      m.entry.status = to as LogEntryStatus;
    }
  }
}

async function appendPetition(trx: Executor, petitionId: number, rows: UnloggedSignature[]) {
  const log = await openLog(trx, petitionId);
  const entries = new Map(
    (
      await findLogEntries(
        trx,
        rows.map((r) => r.id),
      )
    ).map((e) => [e.signatureId, e]),
  );
  const changed = new Set<LogEntry>();
  // Random bytes for the signatures that enter the log without a receipt yet, drawn in one call.
  const pool = randomBytes(32 * rows.length);
  const moves: Parameters<typeof appendEvents>[1] = [];
  for (const [i, row] of rows.entries()) {
    const effective = row.withdrawn ? "withdrawn" : row.state;
    const target = TARGET[effective];
    let entry = entries.get(row.id);
    if (target && row.confirmedAt && entry?.position == null) {
      // Enters the log: the random bytes were made at confirmation, or are made now.
      const nonce = entry?.nonce ?? Buffer.from(pool.subarray(32 * i, 32 * i + 32));
      const geo: Geo = { state: row.usState, district: row.district, hour: hourOf(row.confirmedAt) };
      const position = append(log, {
        type: "signature",
        commitment: commitment(petitionId, row.id, nonce),
        ...geo,
      });
      addSignature(log.tally, geo);
      entry = {
        signatureId: row.id,
        petitionId,
        nonce,
        position,
        status: "active",
        usState: geo.state,
        district: geo.district,
        hour: geo.hour,
      };
      entries.set(row.id, entry);
      changed.add(entry);
    }
    if (target && entry?.position != null && entry.status !== target) {
      const event =
        target === "invalidated" ? "invalidation" : target === "active" ? "restoration" : "withdrawal";
      if (TRANSITIONS[event].from.includes(entry.status as Status)) {
        const category = CATEGORY[row.invalidationRule ?? ""] ?? "manual";
        moves.push({ entry, to: target, category, key: `${event}:${row.invalidationId ?? ""}` });
        changed.add(entry);
      }
    }
  }
  appendEvents(log, moves);
  await saveLogEntries(trx, [...changed]);
  await closeLog(trx, log);
}

/**
 * The roll-up's step for the log: every signature whose state moved away from what the log
 * shows gets its lines (in id order, per petition, under that petition's lock), and each
 * petition whose log grew gets a signed checkpoint. Returns how many signatures it looked at.
 */
export async function appendToLogs(trx: Executor, limit: number): Promise<number> {
  const rows = await claimUnloggedSignatures(trx, limit);
  const byPetition = groupBy(rows, (r) => r.petitionId);
  for (const [petitionId, list] of [...byPetition].sort(([a], [b]) => a - b))
    await appendPetition(trx, petitionId, list);
  return rows.length;
}

/**
 * Erasure (called by the erasure module in its transaction): deletes the signatures' random
 * bytes, so their commitments no longer point to anyone, and appends one erasure line per
 * petition for those already in the log (they stop counting).
 */
export async function forgetInLog(trx: Executor, signatureIds: number[]): Promise<void> {
  if (!signatureIds.length) return;
  const entries = await findLogEntries(trx, signatureIds);
  const byPetition = groupBy(
    entries.filter((e) => e.position != null && e.status !== "erased"),
    (e) => e.petitionId,
  );
  for (const [petitionId, list] of [...byPetition].sort(([a], [b]) => a - b)) {
    const log = await openLog(trx, petitionId);
    append(log, { type: "erasure", positions: list.map((e) => e.position as number) });
    for (const e of list) moveSignature(log.tally, geoOf(e), e.status as Status, "erased");
    await closeLog(trx, log);
  }
  await eraseEntries(trx, signatureIds);
  // An erasure is a removal: its checkpoint is signed at once.
  await publishDueCheckpoints(trx, [...byPetition.keys()]);
}
