import { isDatabaseUnavailable } from "~db/unavailable";
import { env } from "~/env.server";
import { log } from "~/lib/log.server";
import { insertSignatureBatch } from "./signing-batch.queries.server";
import { insertSignatureStatement, type SignatureRow, type SignOutcome } from "./signing.queries.server";

/*
 * Concurrent signatures grouped into one statement: a request's row waits at most
 * SIGN_BATCH_WAIT_MS for others (or until SIGN_BATCH_MAX_ROWS are waiting), then the batch is
 * written and each request is answered once the statement holding ITS row has committed. One
 * commit and one plan for many rows is what lets signing keep up with a surge.
 *
 * Each row's outcome is the one the one-row statement would give it, in arrival order: a repeated
 * address goes into a later statement than its first, and within a statement each row's IP and
 * domain limits count the rows before it (signing-batch.queries.server.ts). A statement that
 * fails for a row's data is retried row by row, so one bad row fails only its own request; a
 * lost database fails the requests of that batch (503), and the next batch tries again.
 */

interface Waiting {
  row: SignatureRow;
  resolve: (outcome: SignOutcome | null) => void;
  reject: (error: unknown) => void;
}

const queue: Waiting[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
/** Statements being written, and whether rows are due but wait for one of them to commit. */
let writing = 0;
let due = false;

/** Splits a batch into statements: a repeated address goes into the statement after its last one. */
function statements(batch: Waiting[]): Waiting[][] {
  const last = new Map<string, number>();
  const groups: Waiting[][] = [];
  for (const w of batch) {
    const g = (last.get(w.row.emailCanonical) ?? -1) + 1;
    last.set(w.row.emailCanonical, g);
    if (groups[g]) groups[g].push(w);
    else groups[g] = [w];
  }
  return groups;
}

async function oneByOne(group: Waiting[]) {
  for (const w of group) {
    try {
      w.resolve(await insertSignatureStatement(w.row));
    } catch (error) {
      w.reject(error);
      if (isDatabaseUnavailable(error)) throw error;
    }
  }
}

async function write(batch: Waiting[]) {
  const groups = statements(batch);
  for (const [n, group] of groups.entries()) {
    try {
      if (group.length === 1) await oneByOne(group);
      else {
        try {
          const outcomes = await insertSignatureBatch(group.map((w) => w.row));
          for (const [i, w] of group.entries()) w.resolve(outcomes[i]);
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw error;
          log.warn("signing batch refused; writing its rows one by one", {
            rows: group.length,
            error: error instanceof Error ? error.message : String(error),
          });
          await oneByOne(group); // a row the statement refused: find it, answer the others
        }
      }
    } catch (error) {
      for (const w of groups.slice(n).flat()) w.reject(error); // settled requests ignore this
      return;
    }
  }
}

/**
 * Sends the rows that are due, at most SIGN_BATCH_MAX_ROWS a statement and at most
 * SIGN_BATCH_IN_FLIGHT statements at once. Rows beyond that wait for a statement to commit and
 * then go together: under a surge the batches grow instead of queueing for a pool connection one
 * small batch after another (one plan and one commit for more rows); a quiet moment is unchanged.
 * The default is the default pool size (20); fewer (4, the cores PostgreSQL has) is to be
 * measured on a quiet machine (bench/results/shortfalls.md).
 */
function flush() {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const { SIGN_BATCH_MAX_ROWS: maxRows, SIGN_BATCH_IN_FLIGHT: most } = env();
  due = false;
  while (queue.length && writing < most) {
    const batch = queue.splice(0, maxRows);
    writing++;
    void write(batch).finally(committed);
  }
  if (queue.length) due = true;
}

function committed() {
  writing--;
  if (due) flush();
}

/**
 * Writes one signature with the others arriving within a few milliseconds; resolves once its
 * row is committed, like insertSignatureStatement (null: no petition has the slug).
 */
export function signBatched(row: SignatureRow): Promise<SignOutcome | null> {
  const { SIGN_BATCH_MAX_ROWS: maxRows, SIGN_BATCH_WAIT_MS: waitMs } = env();
  if (maxRows <= 1) return insertSignatureStatement(row);
  return new Promise((resolve, reject) => {
    queue.push({ row, resolve, reject });
    if (queue.length >= maxRows) flush();
    else timer ??= setTimeout(flush, waitMs);
  });
}
