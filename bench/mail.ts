/**
 * `npm run bench:mail`: a campaign update to 100,000 subscribers against the local fake of
 * Resend's API (tests/support/fake-resend.ts), with the request-rate limit off. Measures the
 * recipients per second rendered and handed over (delivery rows created, batches claimed,
 * messages rendered, batch requests sent and recorded) and memory, and writes
 * bench/results/mail.json. Uses an embedded PostgreSQL in a temporary folder unless
 * DATABASE_URL is set (then a database named bench_mail_<pid> is created and dropped on it).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded.server";
import { closeDatabase, connectDatabase, createDb, db } from "../db/index.server";
import { migrateToLatest } from "../db/migrate.server";
import { overrideEnv } from "../app/env.server";
import { makeSubscribers } from "../tests/factories/mail";
import { FakeResend } from "../tests/support/fake-resend";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);

async function main() {
  let dir: string | undefined;
  let stopPg: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(tmpdir(), "bench-mail-pg-"));
    chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: dir, persistent: false, fast: true });
    adminUrl = embedded.url;
    stopPg = () => embedded.stop();
  }
  const name = `bench_mail_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const fake = new FakeResend();
  fake.keepBodies = false;
  try {
    const migrator = createDb(url.toString(), 2);
    await migrateToLatest(migrator.db, url.toString());
    await migrator.db.destroy();

    const fakeUrl = await fake.start();
    overrideEnv({
      DATABASE_URL: url.toString(),
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: fakeUrl,
      LOG_LEVEL: "warn",
      APP_URL: "https://campaign.example.org",
    });
    connectDatabase(url.toString(), 5);
    const { createMailing, runMailing, scheduleMailing } = await import(
      "../app/modules/mail/mailings.server"
    );

    const organizer = await db()
      .insertInto("organizers")
      .values({ email: "bench@example.org", name: "Bench", role: "owner", passwordHash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const campaign = await db()
      .insertInto("campaigns")
      .values({ slug: "bench", title: "Bench campaign", summary: "s", status: "live" })
      .returning("id")
      .executeTakeFirstOrThrow();
    let t = performance.now();
    await makeSubscribers(db(), RECIPIENTS, { prefix: "bench-", campaignId: campaign.id });
    const seedSeconds = (performance.now() - t) / 1000;
    await sql`analyze`.execute(db());

    const body = [
      "## The Senate heard us",
      "",
      "Thank you: **12,400** of you wrote to your senators this month. On Tuesday the committee asked the Pentagon why the 1953 lists were never answered.",
      "",
      "- Read the [declassified cables](https://example.org/cables)",
      "- Share the campaign with one friend",
      "",
      "We will not stop asking.",
    ].join("\n");
    const created = await createMailing(organizer.id, {
      subject: "The Senate heard us",
      bodyMd: body,
      audience: "campaign-subscribers",
      campaignId: campaign.id,
    });
    if (!created.ok) throw new Error("could not create the mailing");
    await scheduleMailing(organizer.id, created.id, new Date());

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    t = performance.now();
    const result = await runMailing(created.id, { requestsPerSecond: 0 });
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const mailing = await db()
      .selectFrom("mailings")
      .select(["startedAt", "preparedAt", "finishedAt", "totalCount"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    const prepareSeconds = (mailing.preparedAt!.getTime() - mailing.startedAt!.getTime()) / 1000;
    const sent = await db()
      .selectFrom("deliveries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("mailingId", "=", created.id)
      .where("status", "=", "sent")
      .executeTakeFirstOrThrow();
    const accepted = fake.acceptedRecipients();

    const report = {
      benchmark: "campaign update fan-out (npm run bench:mail)",
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "",
        totalMemoryMB: Math.round(totalmem() / 1048576),
        node: process.version,
        note: "shared two-core machine: other engineers' tests and servers ran at the same time",
      },
      setup: {
        recipients: RECIPIENTS,
        rateLimit: "off",
        provider: "local fake of Resend's API in the same process (POST /emails/batch)",
        database: process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL 18",
      },
      results: {
        seconds: round(seconds),
        recipientsPerSecond: Math.round(result.messages / seconds),
        prepareSeconds: round(prepareSeconds),
        sendSeconds: round(seconds - prepareSeconds),
        sendRecipientsPerSecond: Math.round(result.messages / (seconds - prepareSeconds)),
        batchRequests: result.batches,
        messages: result.messages,
        deliveriesSent: Number(sent.n),
        providerAcceptedUnique: new Set(accepted).size,
        memory: {
          baselineRssMB: mb(baseline.rss),
          peakRssMB: mb(peakRss),
          peakHeapUsedMB: mb(peakHeap),
          note: "one process holds the fan-out, the fake provider (parsing every request) and the database client; PostgreSQL's own memory is not counted",
        },
      },
      seedSeconds: round(seedSeconds),
      target: { recipientsPerSecond: 2000, met: result.messages / seconds >= 2000 },
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/mail.json", `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    if (Number(sent.n) !== RECIPIENTS || new Set(accepted).size !== RECIPIENTS)
      throw new Error("not every recipient was sent exactly once");
  } finally {
    await closeDatabase();
    await fake.stop();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await stopPg?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
const mb = (n: number) => Math.round(n / 1048576);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
