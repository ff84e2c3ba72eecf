import { sql } from "kysely";
import pg from "pg";
import { databaseUrl, db } from "~db/index.server";
import { startWorker } from "~/jobs/worker.server";
import {
  addJob,
  findDeadWorkers,
  forceUnlockWorkers,
  WORKER_LIVENESS_LOCK_SPACE,
} from "~/modules/jobs/jobs.queries.server";

/** Marks a waiting job (and its named queue) as taken by `workerId`, `agoSeconds` ago: what a worker does. */
async function lockAs(jobKey: string, workerId: string, agoSeconds: number) {
  await sql`update graphile_worker._private_jobs set locked_by = ${workerId},
    locked_at = now() - make_interval(secs => ${agoSeconds}) where key = ${jobKey}`.execute(db());
  await sql`update graphile_worker._private_job_queues q set locked_by = ${workerId},
    locked_at = now() - make_interval(secs => ${agoSeconds})
    from graphile_worker._private_jobs j where j.key = ${jobKey} and j.job_queue_id = q.id`.execute(db());
}

async function lockedBy(jobKey: string) {
  const row = await sql<{ job: string | null; queue: string | null }>`
    select j.locked_by as job, q.locked_by as queue from graphile_worker._private_jobs j
    left join graphile_worker._private_job_queues q on q.id = j.job_queue_id where j.key = ${jobKey}`.execute(
    db(),
  );
  return row.rows[0];
}

/** A connection holding the liveness lock a live worker with this id holds. */
async function liveWorker(workerId: string) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query(`select pg_advisory_lock(${WORKER_LIVENESS_LOCK_SPACE}, hashtext($1))`, [workerId]);
  return client;
}

const farFuture = { runAt: new Date(Date.now() + 3_600_000) };

describe("crashed-worker recovery", () => {
  it("finds the jobs and queues of a worker without a liveness lock, and frees them", async () => {
    await addJob(db(), "prune_login_attempts", {}, { ...farFuture, jobKey: "t:dead", queueName: "t_dead" });
    await lockAs("t:dead", "worker-dead-1", 60);
    expect(await findDeadWorkers(db(), 10)).toEqual(["worker-dead-1"]);
    await forceUnlockWorkers(db(), ["worker-dead-1"]);
    expect(await lockedBy("t:dead")).toEqual({ job: null, queue: null });
    expect(await findDeadWorkers(db(), 10)).toEqual([]);
  });

  it("leaves a live worker's jobs alone, and a fresh lock within the grace period", async () => {
    await addJob(db(), "prune_login_attempts", {}, { ...farFuture, jobKey: "t:live", queueName: "t_live" });
    await addJob(db(), "prune_login_attempts", {}, { ...farFuture, jobKey: "t:fresh" });
    const client = await liveWorker("worker-live-1");
    await lockAs("t:live", "worker-live-1", 600);
    await lockAs("t:fresh", "worker-fresh-1", 1);
    expect(await findDeadWorkers(db(), 10)).toEqual([]);
    // The process dies: PostgreSQL drops its session locks with its connection.
    await client.end();
    expect(await findDeadWorkers(db(), 10)).toEqual(["worker-live-1"]);
    await forceUnlockWorkers(db(), ["worker-live-1"]);
  });

  it("a running worker frees a dead worker's job in a named queue and runs it", async () => {
    await sql`delete from graphile_worker._private_jobs`.execute(db());
    await addJob(db(), "prune_login_attempts", {}, { jobKey: "t:orphan", queueName: "t_orphan" });
    await lockAs("t:orphan", "worker-killed-1", 120);
    const worker = await startWorker(databaseUrl(), 1, { max: 3 });
    try {
      const deadline = Date.now() + 20_000;
      while ((await lockedBy("t:orphan")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      expect(await lockedBy("t:orphan")).toBeUndefined();
    } finally {
      await worker.stop();
    }
  });
});
