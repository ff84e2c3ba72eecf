import { parseCrontab, run, type Runner } from "graphile-worker";
import pg from "pg";
import { quietWorkerLogger } from "~db/migrate.server";
import { crontab, startupJobs, taskList } from "./task-list.server";

/** Starts graphile-worker in this process (signals are handled by the caller). */
export async function startWorker(connectionString: string, concurrency: number): Promise<Runner> {
  // Our own pool, so that connections dropped at shutdown are logged rather than crash the process.
  const pgPool = new pg.Pool({ connectionString, max: concurrency + 2 });
  pgPool.on("error", () => undefined);
  pgPool.on("connect", (client) => client.on("error", () => undefined));
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
