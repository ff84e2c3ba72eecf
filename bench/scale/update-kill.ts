import type pg from "pg";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { findDeadWorkers } from "~/modules/jobs/jobs.queries.server";
import { createMailing, scheduleMailing } from "~/modules/mail/mailings.server";
import { createOrganizer } from "~/modules/organizers/organizers.server";
import { makeSubscribers } from "../../tests/factories/mail";
import type { FakeResend } from "../../tests/support/fake-resend";
import type { Fleet } from "./fleet";
import { log, sleep, waitUntil } from "./infra";

/** Which worker ids hold a send_mailing job right now. */
async function sendingWorkers(client: pg.Client): Promise<string[]> {
  const r = await client.query(
    `select distinct j.locked_by from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'send_mailing' and j.locked_by is not null`,
  );
  return r.rows.map((row) => row.locked_by as string);
}

/**
 * An email update to `recipients` subscribers; at 30 % the worker sending it is killed with
 * SIGKILL (the process whose worker pool holds the send job). The survivor must finish with
 * every recipient mailed once.
 */
export async function updateWithWorkerKill(options: {
  client: pg.Client;
  fake: FakeResend;
  fleet: Fleet;
  recipients: number;
  databaseUrl: string;
}) {
  const { client, fake, fleet, recipients } = options;
  overrideEnv({ LOG_LEVEL: "silent", SESSION_SECRET: "s".repeat(40) });
  connectDatabase(options.databaseUrl, 3);
  try {
    await makeSubscribers(db(), recipients, { prefix: "scaleupd", scope: "all" });
    const owner = await createOrganizer(
      { email: "owner@example.org", name: "Owner", role: "owner", password: "a long owner password" },
      null,
    );
    if (!owner.ok) throw new Error("could not create the organizer");
    const mailing = await createMailing(owner.id, {
      subject: "News from the campaign",
      bodyMd: "We are still asking. **Thank you.**",
      audience: "everyone",
      campaignId: null,
    });
    if (!mailing.ok) throw new Error(JSON.stringify(mailing.fields));
    fake.delayMs = 150; // a slow provider, so the kill lands mid-send
    const mine = () => fake.acceptedRecipients().filter((to) => to.startsWith("scaleupd"));
    const t0 = Date.now();
    await scheduleMailing(owner.id, mailing.id, new Date());
    await waitUntil("30 % of the update", async () => mine().length >= recipients * 0.3, 300_000);
    const holders = await sendingWorkers(client);
    const acceptedAtKill = mine().length;
    // Each worker process logs its pool's id: the one holding the send job is killed.
    const index = fleet.workers.findIndex((w) => holders.some((id) => w.output().includes(id)));
    const victim = fleet.workers[index >= 0 ? index : 0]!;
    await victim.kill("SIGKILL");
    const killed = victim.name;
    // PostgreSQL notices the closed connection and drops the killed pool's liveness lock.
    let dead = new Set<string>();
    for (let i = 0; i < 50 && !holders.every((id) => dead.has(id)); i++) {
      await sleep(100);
      dead = new Set(await findDeadWorkers(db(), 0));
    }
    log(`SIGKILL to ${killed} (sending the update) after ${acceptedAtKill} of ${recipients} were accepted`);
    const t1 = Date.now();
    let status = "";
    await waitUntil(
      "the update to finish on the other worker",
      async () => {
        status = (await client.query("select status from mailings where id = $1", [mailing.id])).rows[0]
          .status;
        return status === "sent";
      },
      600_000,
    );
    fake.delayMs = 0;
    const mailed = mine();
    const unique = new Set(mailed).size;
    const result = {
      recipients,
      killed,
      killedWorkerWasSending: holders.length > 0 && holders.every((id) => dead.has(id)),
      acceptedAtKill,
      finishedAfterKillMs: Date.now() - t1,
      totalMs: Date.now() - t0,
      providerAccepted: mailed.length,
      uniqueRecipients: unique,
      mailedTwice: mailed.length - unique,
      skipped: recipients - unique,
      finalStatus: status,
      pass:
        status === "sent" &&
        unique === recipients &&
        mailed.length === recipients &&
        holders.length > 0 &&
        holders.every((id) => dead.has(id)),
    };
    log(`update: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await closeDatabase();
  }
}
