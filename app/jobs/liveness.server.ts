import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import pg from "pg";
import { db } from "~db/index.server";
import {
  findDeadWorkers,
  forceUnlockWorkers,
  WORKER_LIVENESS_LOCK_SPACE,
} from "~/modules/jobs/jobs.queries.server";
import { log } from "~/lib/log.server";

/** How often each worker process looks for jobs held by dead workers. */
const SWEEP_EVERY_MS = 5_000;
/** A lock younger than this is never taken back (the worker may not hold its liveness lock yet). */
const GRACE_SECONDS = 10;

export interface Liveness {
  /** Passed to graphile-worker's run(): each worker it creates takes its liveness lock. */
  events: WorkerEvents;
  /** Settles when the liveness connection is lost: the runner must stop (others may take its jobs). */
  lost: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Crashed-worker recovery. graphile-worker leaves a job (and its named queue) locked for four
 * hours when the process running it dies. Here every worker of the runner holds a session
 * advisory lock keyed by its id (and its pool's) on a connection of its own; PostgreSQL drops the locks of
 * a killed process with its connection, so a job locked by a worker id whose lock nobody holds
 * belongs to a dead worker, and every live process's sweep unlocks it for another worker.
 */
export async function startLiveness(connectionString: string): Promise<Liveness> {
  const events: WorkerEvents = new EventEmitter();
  const client = new pg.Client({ connectionString, keepAlive: true });
  let resolveLost!: () => void;
  const lost = new Promise<void>((resolve) => {
    resolveLost = resolve;
  });
  let stopped = false;
  client.on("error", () => resolveLost());
  client.on("end", () => resolveLost());
  await client.connect();
  const lockSql = (fn: string) => `select ${fn}(${WORKER_LIVENESS_LOCK_SPACE}, hashtext($1))`;
  // One statement at a time on the connection, in the order the workers came and went.
  let queue: Promise<unknown> = Promise.resolve();
  const track = (id: string, fn: string) => {
    queue = queue.then(() =>
      client.query(lockSql(fn), [id]).catch(() => (stopped ? undefined : resolveLost())),
    );
  };
  // graphile-worker 0.17 locks jobs in the pool's name (batched fetching); older paths use the
  // worker's. Both hold a lock.
  events.on("pool:create", ({ workerPool }) => {
    track(workerPool.id, "pg_advisory_lock");
    log.info(`Worker pool ${workerPool.id} started (jobs it takes are locked in this name).`);
  });
  events.on("pool:release", ({ workerPool }) => track(workerPool.id, "pg_advisory_unlock"));
  events.on("worker:create", ({ worker }) => track(worker.workerId, "pg_advisory_lock"));
  events.on("worker:stop", ({ worker }) => track(worker.workerId, "pg_advisory_unlock"));

  const sweep = async () => {
    const dead = await findDeadWorkers(db(), GRACE_SECONDS);
    if (!dead.length) return;
    await forceUnlockWorkers(db(), dead);
    log.warn(`Freed the jobs of ${dead.length} worker(s) that stopped without finishing them.`, { dead });
  };
  const timer = setInterval(() => {
    sweep().catch((error) => {
      if (!stopped) log.warn("The dead-worker sweep failed; trying again.", { error: String(error) });
    });
  }, SWEEP_EVERY_MS);
  timer.unref();
  return {
    events,
    lost,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await queue;
      await client.end().catch(() => undefined);
    },
  };
}
