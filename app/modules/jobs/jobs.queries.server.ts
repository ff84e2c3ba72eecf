import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { TaskName, TaskPayload } from "./tasks";

export interface JobOptions {
  /** When to run: a time, or seconds from the database's now(); default: at once. */
  runAt?: Date | { inSeconds: number };
  /** At most one waiting job per key; see jobKeyMode. */
  jobKey?: string;
  /** graphile-worker's modes: "replace" (the default), "preserve_run_at", "unsafe_dedupe". */
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  maxAttempts?: number;
  /** Lower runs first; default 0. */
  priority?: number;
}

/**
 * Adds a graphile-worker job with the executor it is given: inside a transaction, the job is
 * committed (or rolled back) with the rows that caused it. The task and its payload are typed
 * by the task map (modules/jobs/tasks.ts).
 */
export async function addJob<T extends TaskName>(
  db: Executor,
  task: T,
  payload: TaskPayload<T>,
  options: JobOptions = {},
): Promise<void> {
  const { runAt, jobKey = null, jobKeyMode = "replace", maxAttempts = null, priority = null } = options;
  const at =
    runAt === undefined
      ? sql`null::timestamptz`
      : runAt instanceof Date
        ? sql`${runAt.toISOString()}::timestamptz`
        : sql`now() + make_interval(secs => ${runAt.inSeconds})`;
  await sql`select graphile_worker.add_job(${task}::text, ${JSON.stringify(payload)}::json, run_at => ${at}, max_attempts => ${maxAttempts}::int,
    job_key => ${jobKey}::text, job_key_mode => ${jobKeyMode}::text, priority => ${priority}::int)`.execute(
    db,
  );
}

/** Removes the waiting job with this key (a job already running is not stopped). */
export async function removeJob(db: Executor, jobKey: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${jobKey})`.execute(db);
}
