import { parseCrontab, run, type Runner } from "graphile-worker";
import { createPool, isStopping, type PoolSettings } from "~db/index.server";
import { quietWorkerLogger } from "~db/migrate.server";
import { log } from "~/lib/log.server";
import { startLiveness } from "./liveness.server";
import { crontab, startupJobs, taskList } from "./task-list.server";

export interface WorkerHandle {
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 5_000;

/** A runner, and a promise that settles when one of its workers dies of an error. */
type Supervised = { runner: Runner; died: Promise<void> };

async function startRunner(
  connectionString: string,
  concurrency: number,
  settings: Partial<PoolSettings>,
): Promise<Supervised> {
  // Our own bounded pool whose clients all handle connection errors (createPool): a dropped
  // connection fails the job that was using it (graphile-worker retries it) and the worker's
  // loops reconnect when PostgreSQL is back.
  const pgPool = createPool(connectionString, { ...settings, max: concurrency + 2 });
  const liveness = await startLiveness(connectionString);
  const runner = await run({
    pgPool,
    events: liveness.events,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(crontab.join("\n")),
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietWorkerLogger,
    // With batching off, graphile-worker 0.17 marks a finished job complete without catching the
    // error when the database is gone at that moment (an unhandled rejection that ends the
    // process). The batched path retries with backoff (20 attempts, about five minutes) instead.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  }).catch(async (error) => {
    await liveness.stop();
    throw error;
  });
  // graphile-worker removes a worker that exits with an error (its connection dropped at the
  // wrong moment) and does not replace it: with every worker gone the runner still looks alive
  // and runs nothing. Such a death restarts the whole runner.
  // A lost liveness connection means other processes may now take this runner's jobs: it is
  // restarted too (new worker ids, new locks).
  const died = new Promise<void>((resolve) => {
    runner.events.on("worker:stop", ({ error }) => {
      if (error !== undefined) resolve();
    });
    void liveness.lost.then(resolve);
  });
  const stop = runner.stop.bind(runner);
  runner.stop = async () => {
    await stop().catch(() => undefined);
    await liveness.stop();
    await pgPool.end().catch(() => undefined);
  };
  for (const job of startupJobs)
    await runner.addJob(
      job.task,
      {},
      {
        jobKey: job.jobKey,
        jobKeyMode: "preserve_run_at",
        priority: job.priority,
        queueName: job.queueName,
      },
    );
  return { runner, died };
}

/**
 * Starts graphile-worker in this process (signals are handled by the caller) and keeps it
 * running: if the worker pool gives up (PostgreSQL gone for longer than its retries), it is
 * started again every few seconds until the database answers, without a process restart.
 */
export async function startWorker(
  connectionString: string,
  concurrency: number,
  settings: Partial<PoolSettings> = {},
): Promise<WorkerHandle> {
  let stopped = false;
  let current: Supervised | undefined = await startRunner(connectionString, concurrency, settings);
  let wake: (() => void) | undefined;
  const supervise = async () => {
    while (!stopped) {
      if (current) {
        await Promise.race([current.runner.promise.catch(() => undefined), current.died]);
        if (stopped) return;
        log.warn("The background worker stopped unexpectedly; starting it again.");
        await current.runner.stop().catch(() => undefined);
        current = undefined;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, RESTART_DELAY_MS).unref();
      });
      if (stopped) return;
      current = await startRunner(connectionString, concurrency, settings).catch((error) => {
        if (!isStopping())
          log.warn("The background worker could not start yet.", {
            error: error instanceof Error ? error.message : String(error),
          });
        return undefined;
      });
    }
  };
  void supervise();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await current?.runner.stop();
    },
  };
}
