/**
 * Kill and resume, for real: an update to 1,000 subscribers is sent by the built server through a
 * local server speaking Resend's API; the server is killed with SIGKILL mid-send and started
 * again; the update must complete with every recipient accepted once, none twice, none skipped.
 * Writes bench/results/mail-kill-resume.json. `npm run bench:mail-kill`. The fault runs
 * (bench/faults.ts) call killAndResume with 10,000 recipients.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { freePort, startEmbeddedPostgres } from "~db/embedded.server";
import { overrideEnv } from "~/env.server";
import { createMailing, scheduleMailing } from "~/modules/mail/mailings.server";
import { createOrganizer } from "~/modules/organizers/organizers.server";
import { makeSubscribers } from "../tests/factories/mail";
import { FakeResend } from "../tests/support/fake-resend";

const log = (m: string) => console.log(`[kill-resume] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok) return child;
    await sleep(200);
  }
  throw new Error("the server did not start");
}

/** Sends an update to `recipients` subscribers, kills the server with SIGKILL at 30 %, starts it again. */
export async function killAndResume(RECIPIENTS: number, onReady?: (base: string) => Promise<void>) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-kill-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const fake = new FakeResend();
  fake.keepBodies = false;
  fake.delayMs = 400; // a slow provider, so the kill lands mid-send
  const resendUrl = await fake.start();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    DATA_DIR: dir,
    SESSION_SECRET: "k".repeat(40),
    IP_HASH_SECRET: "h".repeat(20),
    TRANSPARENCY_SIGNING_KEY: "YmVuY2gtdHJhbnNwYXJlbmN5LWtleS0zMi1ieXRlcyE=",
    ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20000",
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: resendUrl,
    RESEND_WEBHOOK_SECRET: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=",
    LOG_LEVEL: "warn",
    DATA_IMPORT_DIR: path.resolve("data/congress"),
  };
  let server: ChildProcess | undefined;
  try {
    server = await startServer(env, port); // migrates and seeds
    await onReady?.(`http://127.0.0.1:${port}`);
    overrideEnv({ LOG_LEVEL: "silent", SESSION_SECRET: env.SESSION_SECRET, APP_URL: env.APP_URL });
    connectDatabase(database.url, 3);
    await makeSubscribers(db(), RECIPIENTS, { prefix: "kill", scope: "all" });
    const owner = await createOrganizer(
      { email: "owner@example.org", name: "Owner", role: "owner", password: "a long owner password" },
      null,
    );
    if (!owner.ok) throw new Error("organizer");
    const mailing = await createMailing(owner.id, {
      subject: "News from the campaign",
      bodyMd: "We are still asking. **Thank you.**",
      audience: "everyone",
      campaignId: null,
    });
    if (!mailing.ok) throw new Error(JSON.stringify(mailing.fields));
    const t0 = Date.now();
    await scheduleMailing(owner.id, mailing.id, new Date());

    while (fake.acceptedRecipients().length < RECIPIENTS * 0.3) await sleep(20);
    const acceptedAtKill = fake.acceptedRecipients().length;
    server.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
    log(
      `killed the server with SIGKILL after ${acceptedAtKill} recipients were accepted (${Date.now() - t0} ms)`,
    );

    server = await startServer(env, port);
    log("started it again; waiting for the update to complete (resume_mailings runs every minute)");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let status = "";
    const t1 = Date.now();
    while (Date.now() - t1 < 420_000 + RECIPIENTS * 30) {
      status = (await client.query("select status from mailings where id = $1", [mailing.id])).rows[0].status;
      if (status === "sent") break;
      await sleep(1000);
    }
    const deliveries = (
      await client.query(
        "select status, count(*)::int as n from deliveries where mailing_id = $1 group by status",
        [mailing.id],
      )
    ).rows;
    await client.end();
    const accepted = fake.acceptedRecipients();
    const unique = new Set(accepted);
    const replays = fake.requests.filter((r) => r.replayed).length;
    const result = {
      date: new Date().toISOString(),
      recipients: RECIPIENTS,
      acceptedAtKill,
      finalStatus: status,
      resumedAfterMs: Date.now() - t1,
      providerAcceptedRecipients: accepted.length,
      uniqueRecipients: unique.size,
      mailedTwice: accepted.length - unique.size,
      skipped: RECIPIENTS - unique.size,
      idempotentReplays: replays,
      deliveries,
      pass: status === "sent" && unique.size === RECIPIENTS && accepted.length === RECIPIENTS,
    };
    log(JSON.stringify(result));
    return result;
  } finally {
    server?.kill("SIGTERM");
    if (server && server.exitCode === null) await new Promise((r) => server!.once("exit", r));
    await closeDatabase();
    await fake.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const result = await killAndResume(1000);
  writeFileSync("bench/results/mail-kill-resume.json", `${JSON.stringify(result, null, 2)}\n`);
  if (!result.pass) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
