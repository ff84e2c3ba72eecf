/**
 * npm run bench:scale — the platform scaled out on one machine: two web processes
 * (`node server.js web`) behind HAProxy, through PgBouncer in transaction mode, and two workers
 * (`node server.js worker`) on PostgreSQL directly, all on one embedded PostgreSQL; a local
 * server speaking Resend's API takes the mail.
 *
 *  1. signing load through the balancer (BENCH_SCALE_SECONDS, 64 connections), one web process
 *     killed with SIGKILL half-way: every 202 stored, none twice, counts complete, the
 *     confirmations sent once each, the balancer carries on;
 *  2. an email update to BENCH_SCALE_RECIPIENTS subscribers; the worker sending it killed with
 *     SIGKILL at 30 %: the other finishes, every recipient mailed once;
 *  throughout, the roll-up is sampled: never two at once.
 *
 * Writes bench/results/scale.json and bench/results/scale.md. Not part of the test suite.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../db/embedded.server";
import { FakeResend } from "../tests/support/fake-resend";
import {
  ensurePackages,
  log,
  pgBouncerUrl,
  sleep,
  startHaproxy,
  startPgBouncer,
  waitUntil,
} from "./scale/infra";
import { startFleet } from "./scale/fleet";
import { signThroughBalancer } from "./scale/signing";
import { updateWithWorkerKill } from "./scale/update-kill";
import { writeScaleReport } from "./scale/report";

const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 30);
const RECIPIENTS = Number(process.env.BENCH_SCALE_RECIPIENTS ?? 2_000);

async function main() {
  const started = Date.now();
  if (!process.env.SKIP_BUILD) {
    const built = spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  ensurePackages();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-scale-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const fake = new FakeResend();
  fake.keepBodies = false;
  const resendUrl = await fake.start();
  const [bouncerPort, lbPort] = [await freePort(), await freePort()];
  const bouncer = startPgBouncer(dir, database.url, bouncerPort, 20);
  const probe = () => {
    const c = new pg.Client({ connectionString: pgBouncerUrl(bouncerPort) });
    return c
      .connect()
      .then(() => c.query("select 1"))
      .then(() => true)
      .finally(() => c.end().catch(() => undefined));
  };
  const client = new pg.Client({ connectionString: database.url });
  client.on("error", () => undefined);
  let fleet: Awaited<ReturnType<typeof startFleet>> | undefined;
  let haproxy: ReturnType<typeof startHaproxy> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    await waitUntil("PgBouncer", probe, 20_000, bouncer);
    fleet = await startFleet({
      dir,
      directUrl: database.url,
      pooledUrl: pgBouncerUrl(bouncerPort),
      appUrl: `http://127.0.0.1:${lbPort}`,
      resendUrl,
    });
    haproxy = startHaproxy(dir, lbPort, fleet.webPorts);
    const lb = `http://127.0.0.1:${lbPort}`;
    await waitUntil("HAProxy", async () => (await fetch(`${lb}/healthz`)).ok, 20_000, haproxy);
    await client.connect();
    log(`two web processes behind HAProxy on ${lb} (through PgBouncer), two workers; ${cpus().length} CPUs`);

    // The roll-up, sampled every 100 ms: how many roll-up jobs are running at once.
    const rollup = { samples: 0, maxRunningAtOnce: 0, runs: 0 };
    const sampleClient = new pg.Client({ connectionString: database.url });
    sampleClient.on("error", () => undefined);
    await sampleClient.connect();
    sampler = setInterval(() => {
      sampleClient
        .query(
          `select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
           where t.identifier = 'roll_up_signatures' and j.locked_at is not null`,
        )
        .then((r) => {
          rollup.samples++;
          rollup.maxRunningAtOnce = Math.max(rollup.maxRunningAtOnce, r.rows[0].n);
        })
        .catch(() => undefined);
    }, 100);

    const signing = await signThroughBalancer({ lb, client, fake, fleet, seconds: SECONDS });
    const update = await updateWithWorkerKill({
      client,
      fake,
      fleet,
      recipients: RECIPIENTS,
      databaseUrl: database.url,
    });
    clearInterval(sampler);
    await sleep(150);
    await sampleClient.end();
    rollup.runs = Number((await client.query("select count(*) from signature_rollup_runs")).rows[0].count);

    const pass = signing.pass && update.pass && rollup.maxRunningAtOnce <= 1 && rollup.samples > 0;
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        note: "two shared cores; balancer, pooler, 4 app processes, PostgreSQL and the load generator on one machine",
      },
      topology: {
        web: fleet.webPorts.length,
        workers: 2,
        balancer: spawnSync("/usr/sbin/haproxy", ["-v"], { encoding: "utf8" }).stdout.split("\n")[0],
        pooler: spawnSync("/usr/sbin/pgbouncer", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0],
        poolMode: "transaction",
      },
      signing,
      update,
      rollup,
      pass,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeScaleReport(result);
    log(`done in ${result.totalSeconds} s: pass=${pass}`);
    if (!pass) process.exitCode = 1;
  } catch (error) {
    console.error(error);
    for (const p of [bouncer, haproxy, ...(fleet ? [...fleet.web, ...fleet.workers] : [])])
      if (p) console.error(`--- ${p.name} (alive ${p.alive()}):\n${p.output().slice(-3000)}`);
    process.exitCode = 1;
  } finally {
    if (sampler) clearInterval(sampler);
    await client.end().catch(() => undefined);
    await haproxy?.kill("SIGTERM");
    await fleet?.stop();
    await bouncer.kill("SIGTERM");
    await fake.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
