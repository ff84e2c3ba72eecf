import { sql } from "kysely";
import { db } from "~db/index.server";
import { addJob, removeJob } from "~/modules/jobs/jobs.queries.server";
import { cronLine, parseTaskPayload, TASK_PAYLOADS } from "~/modules/jobs/tasks";
import { crontab, startupJobs, taskList } from "~/jobs/task-list.server";

type JobRow = {
  taskIdentifier: string;
  payload: unknown;
  key: string | null;
  maxAttempts: number;
  priority: number;
  runAt: Date;
};

/** The jobs' own table (the public `jobs` view leaves the payload out). */
async function jobsWithKey(key: string) {
  return (
    await sql<JobRow>`select t.identifier as task_identifier, j.payload, j.key, j.max_attempts, j.priority, j.run_at
    from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where j.key = ${key}`.execute(
      db(),
    )
  ).rows;
}

describe("addJob", () => {
  it("adds a typed job with its payload, key, attempts, priority and time", async () => {
    const at = new Date(Date.now() + 3_600_000);
    await addJob(
      db(),
      "send_mailing",
      { id: 41 },
      { runAt: at, jobKey: "test:mailing:41", maxAttempts: 10, priority: -3 },
    );
    const [job] = await jobsWithKey("test:mailing:41");
    expect(job).toMatchObject({
      taskIdentifier: "send_mailing",
      payload: { id: 41 },
      maxAttempts: 10,
      priority: -3,
    });
    expect(job.runAt.getTime()).toBe(at.getTime());
    await removeJob(db(), "test:mailing:41");
    expect(await jobsWithKey("test:mailing:41")).toEqual([]);
  });

  it("commits with the transaction it is added in, and is gone with a rollback", async () => {
    await db()
      .transaction()
      .execute((trx) =>
        addJob(trx, "send_password_reset", { email: "kept@example.org" }, { jobKey: "test:kept" }),
      );
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await addJob(trx, "send_password_reset", { email: "lost@example.org" }, { jobKey: "test:lost" });
          throw new Error("the cause failed");
        }),
    ).rejects.toThrow("the cause failed");
    expect((await jobsWithKey("test:kept")).map((j) => j.payload)).toEqual([{ email: "kept@example.org" }]);
    expect(await jobsWithKey("test:lost")).toEqual([]);
  });

  it("keeps one waiting job per key, and preserve_run_at keeps the earlier time", async () => {
    await addJob(
      db(),
      "roll_up_signatures",
      {},
      { runAt: { inSeconds: 60 }, jobKey: "test:loop", jobKeyMode: "preserve_run_at" },
    );
    const [first] = await jobsWithKey("test:loop");
    await addJob(
      db(),
      "roll_up_signatures",
      {},
      { runAt: { inSeconds: 600 }, jobKey: "test:loop", jobKeyMode: "preserve_run_at" },
    );
    const jobs = await jobsWithKey("test:loop");
    expect(jobs).toHaveLength(1);
    expect(jobs[0].runAt.getTime()).toBe(first.runAt.getTime());
    expect(first.runAt.getTime() - Date.now()).toBeGreaterThan(50_000);
  });
});

describe("the task map", () => {
  it("is exactly the worker's task list, and the crontab and startup jobs name its tasks", () => {
    expect(Object.keys(taskList).sort()).toEqual(Object.keys(TASK_PAYLOADS).sort());
    for (const line of crontab) expect(Object.keys(TASK_PAYLOADS)).toContain(line.split(" ")[5]);
    for (const job of startupJobs) expect(Object.keys(TASK_PAYLOADS)).toContain(job.task);
    expect(cronLine("*/15 * * * *", "send_tip_digest", "?max=3")).toBe("*/15 * * * * send_tip_digest ?max=3");
  });

  it("parses a handler's payload, and refuses a wrong one", () => {
    expect(parseTaskPayload("send_email", { id: "7" })).toEqual({ id: 7 });
    expect(() => parseTaskPayload("send_email", { id: -1 })).toThrow();
    expect(() => parseTaskPayload("send_password_reset", {})).toThrow();
  });

  it("types every job added (a task that is not in the map, or a wrong payload, fails the type check)", async () => {
    const typeOnly = (f: () => Promise<void>) => f;
    // @ts-expect-error: no such task
    typeOnly(() => addJob(db(), "send_mailings", { id: 1 }));
    // @ts-expect-error: send_mailing takes { id: number }
    typeOnly(() => addJob(db(), "send_mailing", { email: "a@example.org" }));
    expect(true).toBe(true);
  });
});
