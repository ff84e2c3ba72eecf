import { parseCrontab, run, type Runner } from "graphile-worker";
import { quietWorkerLogger } from "~db/migrate.server";
import { crontab, startupJobs, taskList } from "./task-list.server";

/** Starts graphile-worker in this process (signals are handled by the caller). */
export async function startWorker(connectionString: string, concurrency: number): Promise<Runner> {
  const runner = await run({
    connectionString,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(crontab.join("\n")),
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietWorkerLogger,
  });
  for (const job of startupJobs) await runner.addJob(job.task, {}, { jobKey: job.jobKey, jobKeyMode: "preserve_run_at", priority: job.priority });
  return runner;
}
