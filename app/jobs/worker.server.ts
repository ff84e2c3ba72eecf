import { parseCrontab, run, type Runner } from "graphile-worker";
import { quietWorkerLogger } from "~db/migrate.server";
import { crontab, taskList } from "./task-list.server";

/** Starts graphile-worker in this process (signals are handled by the caller). */
export async function startWorker(connectionString: string, concurrency: number): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(crontab.join("\n")),
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietWorkerLogger,
  });
}
