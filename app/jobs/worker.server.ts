import { parseCrontab, run, type Runner } from "graphile-worker";
import { createPool, type PoolSettings } from "~db/index.server";
import { quietWorkerLogger } from "~db/migrate.server";
import { crontab, startupJobs, taskList } from "./task-list.server";

/** Starts graphile-worker in this process (signals are handled by the caller). */
export async function startWorker(connectionString: string, concurrency: number, settings: Partial<PoolSettings> = {}): Promise<Runner> {
  // Our own bounded pool whose clients all handle connection errors (createPool): a dropped
  // connection fails the job that was using it (graphile-worker retries it) and the worker's
  // loops reconnect when PostgreSQL is back, without a restart.
  const pgPool = createPool(connectionString, { ...settings, max: concurrency + 2 });
  const runner = await run({
    pgPool,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(crontab.join("\n")),
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietWorkerLogger,
  });
  const stop = runner.stop.bind(runner);
  runner.stop = async () => {
    await stop().catch(() => undefined);
    await pgPool.end().catch(() => undefined);
  };
  for (const job of startupJobs) await runner.addJob(job.task, {}, { jobKey: job.jobKey, jobKeyMode: "preserve_run_at", priority: job.priority });
  return runner;
}
