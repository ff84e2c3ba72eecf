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
  /** Jobs of one named queue run one at a time, whichever worker takes them. */
  queueName?: string;
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
  const {
    runAt,
    jobKey = null,
    jobKeyMode = "replace",
    maxAttempts = null,
    priority = null,
    queueName = null,
  } = options;
  const at =
    runAt === undefined
      ? sql`null::timestamptz`
      : runAt instanceof Date
        ? sql`${runAt.toISOString()}::timestamptz`
        : sql`now() + make_interval(secs => ${runAt.inSeconds})`;
  await sql`select graphile_worker.add_job(${task}::text, ${JSON.stringify(payload)}::json, queue_name => ${queueName}::text, run_at => ${at}, max_attempts => ${maxAttempts}::int,
    job_key => ${jobKey}::text, job_key_mode => ${jobKeyMode}::text, priority => ${priority}::int)`.execute(
    db,
  );
}

/** Removes the waiting job with this key (a job already running is not stopped). */
export async function removeJob(db: Executor, jobKey: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${jobKey})`.execute(db);
}

/** The advisory-lock namespace (first key) of the liveness locks each live worker holds. */
export const WORKER_LIVENESS_LOCK_SPACE = 170_017;

/**
 * Workers that hold jobs or named queues but no liveness lock (their process died: PostgreSQL
 * released its session locks with its connection). Locks taken in the last `graceSeconds` are
 * left alone: a worker may lock its first job a moment before its liveness lock is taken.
 */
export async function findDeadWorkers(db: Executor, graceSeconds: number): Promise<string[]> {
  const { rows } = await sql<{ lockedBy: string }>`
    select distinct locked_by as "lockedBy" from (
      select locked_by, locked_at from graphile_worker._private_jobs where locked_by is not null
      union all
      select locked_by, locked_at from graphile_worker._private_job_queues where locked_by is not null
    ) held
    where locked_at < now() - make_interval(secs => ${graceSeconds})
      and not exists (
        select 1 from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid::bigint = ${WORKER_LIVENESS_LOCK_SPACE}
          and l.objid::bigint = (hashtext(held.locked_by)::bigint & 4294967295)
      )`.execute(db);
  return rows.map((r) => r.lockedBy);
}

/** Frees the jobs and queues of dead workers, so another worker runs them (graphile-worker's own function). */
export async function forceUnlockWorkers(db: Executor, workerIds: string[]): Promise<void> {
  if (workerIds.length)
    await sql`select graphile_worker.force_unlock_workers(${workerIds}::text[])`.execute(db);
}
