/**
 * npm run bench:sign — signing throughput and read speed at scale, on the built server and a
 * fresh embedded PostgreSQL (durable settings: fsync and synchronous_commit on).
 *
 *  1. baseline: bare single-row INSERTs through pg (64 concurrent clients, 10 s)
 *  2. POST /api/v1/petitions/:slug/signatures with unique emails for 60 s (64 connections)
 *  3. signing with transparency checkpoints off and on while a log grows (bench/sign-checkpoints.ts)
 *  4. a second server on a second database of the same PostgreSQL, with a million signatures
 *     (generate_series) folded by its roll-up job, beside the first with 1,000
 *  5. reads on both (campaign, home and case pages, GET /api/v1/petitions/:slug, /healthz),
 *     anonymous as a crowd's browsers send them (so from the short-lived response cache): after a
 *     warm-up, three rounds in which the two servers take turns, the median round of each
 *     (bench/reads.ts), so the 1,000 / 1,000,000 ratio compares minutes of the same machine
 *
 * Writes bench/results/sign.json and bench/results/sign.md. Not part of the test suite.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded.server";
import { compareCheckpoints } from "./sign-checkpoints";
import { type BenchServer, compareReads, startBenchServer } from "./reads";
import { bareInsertRate, benchSigner } from "./signing-load";

const SIGN_SECONDS = Number(process.env.BENCH_SIGN_SECONDS ?? 60);
const CONNECTIONS = 64;
const SIGN_SLUG = "dpaa-director";
const READ_SLUG = "ask-moscow-beijing";
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const READ_PATHS = [
  `/campaigns/${READ_SLUG}`,
  "/",
  "/cases/richard-desautels",
  `/api/v1/petitions/${READ_SLUG}`,
  "/healthz",
];
/** Targets of issue 17 (requests a second; p99 in ms). */
const READ_TARGETS: Record<string, { rps: number; p99?: number }> = {
  [READ_PATHS[0]]: { rps: 1_500, p99: 100 },
  [READ_PATHS[1]]: { rps: 1_500, p99: 100 },
  [READ_PATHS[2]]: { rps: 1_500, p99: 100 },
  [READ_PATHS[3]]: { rps: 5_000 },
};
const SIGN_TARGET = 2_000;
const log = (m: string) => console.log(`[bench] ${m}`);

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Reads are compared at two sizes, so both are measured in the same steady state: the worker has
 * sent every queued email and the tables are vacuumed and analysed (as autovacuum would, in time).
 * Otherwise the second measurement competes with draining the signing phase's confirmations.
 */
async function settle(client: pg.Client) {
  const t0 = Date.now();
  await waitFor(
    "the worker to finish sending",
    async () => {
      const r = await client.query(
        "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_email'",
      );
      return r.rows[0].n === 0 ? true : undefined;
    },
    900_000,
  );
  await client.query("vacuum (analyze) signatures, supporters, emails");
  await new Promise((r) => setTimeout(r, 2000));
  log(`settled in ${Date.now() - t0} ms (outbox drained, tables vacuumed)`);
}

async function generate(client: pg.Client, petitionId: number, from: number, to: number) {
  const chunk = 250_000;
  for (let a = from; a <= to; a += chunk) {
    const b = Math.min(to, a + chunk - 1);
    await client.query(
      `with s as (
         insert into supporters (email, email_canonical, first_name, last_name, zip, state, district, confirmed_at)
         select 'gen' || g || '@gen' || (g % 997) || '.example', 'gen' || g || '@gen' || (g % 997) || '.example', 'Gen', 'Signer' || g, '05401', 'VT', 0, now()
         from generate_series($2::int, $3::int) g
         returning id, email_canonical
       )
       insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name, zip, city, us_state, district,
         district_candidates, show_name, confirmed_at, confirmation_sent_at, created_at)
       select $1, s.id, s.email_canonical, split_part(s.email_canonical, '@', 2), 'confirmed', 'Gen', 'Signer', '05401', 'Town',
         (array['VT','NY','CA','TX','OH','PA','FL','IL','GA','MI'])[1 + s.id % 10], (s.id % 5)::int, array[(s.id % 5)::int], s.id % 50 = 0,
         now() - (s.id % 168) * interval '1 hour', now(), now() - (s.id % 168) * interval '1 hour'
       from s`,
      [petitionId, a, b],
    );
    log(`generated signatures ${a.toLocaleString("en-US")}..${b.toLocaleString("en-US")}`);
  }
}

async function readPetition(client: pg.Client): Promise<number> {
  const r = await client.query(
    "select p.id from petitions p join campaigns c on c.id = p.campaign_id where c.slug = $1",
    [READ_SLUG],
  );
  return r.rows[0].id as number;
}

async function apiCount(base: string, slug: string): Promise<number> {
  const r = await fetch(`${base}/api/v1/petitions/${slug}`);
  return (await r.json()).signatureCount as number;
}

async function main() {
  const started = Date.now();
  if (!process.env.SKIP_BUILD) {
    const built = spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bench-sign-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  let server: BenchServer | undefined;
  let large: BenchServer | undefined;
  const client = new pg.Client({ connectionString: database.url });
  const largeUrl = database.url.replace(/\/postgres$/, "/bench_large");
  const largeClient = new pg.Client({ connectionString: largeUrl });
  try {
    server = await startBenchServer({ databaseUrl: database.url, dataDir: dir });
    const base = server.base;
    await client.connect();
    log(
      `server ready on ${base}; ${cpus().length} CPUs (shared with other work; load generator on the same machine)`,
    );

    const baselineRate = await bareInsertRate(database.url, CONNECTIONS);
    log(`baseline bare INSERTs: ${baselineRate}/s`);

    await generate(client, await readPetition(client), 1, 1_000);
    await waitFor(
      "the roll-up of 1,000",
      async () => ((await apiCount(base, READ_SLUG)) === 1_000 ? true : undefined),
      60_000,
    );

    let accepted = 0;
    let serverErrors = 0;
    let other = 0;
    let seq = 0;
    const acceptedEmails: string[] = [];
    const runId = Date.now().toString(36);
    const sign = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SIGN_SECONDS,
      requests: [
        {
          method: "POST",
          path: `/api/v1/petitions/${SIGN_SLUG}/signatures`,
          headers: { "content-type": "application/json" },
          setupRequest: (req, context) => {
            const signer = benchSigner(`b${runId}`, seq++);
            context.email = signer.email;
            return { ...req, body: signer.body };
          },
          onResponse: (status, _body, context) => {
            if (status === 202) {
              accepted++;
              acceptedEmails.push(String(context.email));
            } else if (status >= 500) serverErrors++;
            else other++;
          },
        },
      ],
    });
    const loadEnded = Date.now();
    await new Promise((r) => setTimeout(r, 3000)); // requests still queued in the server when autocannon stopped finish
    const stored = Number(
      (
        await client.query(
          "select count(*) from signatures s join petitions p on p.id = s.petition_id join campaigns c on c.id = p.campaign_id where c.slug = $1",
          [SIGN_SLUG],
        )
      ).rows[0].count,
    );
    // Every 202 must be stored; signatures stored beyond the 202s counted were in flight when the load generator stopped.
    const acceptedStored = Number(
      (
        await client.query("select count(*) from signatures where email_canonical = any($1::text[])", [
          acceptedEmails,
        ])
      ).rows[0].count,
    );
    const signing = {
      seconds: SIGN_SECONDS,
      connections: CONNECTIONS,
      accepted,
      acceptedPerSecond: Math.round(accepted / SIGN_SECONDS),
      p50: sign.latency.p50,
      p99: sign.latency.p99,
      max: sign.latency.max,
      serverErrors,
      otherNon202: other,
      socketErrors: sign.errors,
      timeouts: sign.timeouts,
      stored,
      acceptedStored,
      inFlightAtStop: stored - accepted,
      fractionOfBaseline: Number((accepted / SIGN_SECONDS / baselineRate).toFixed(3)),
    };
    log(`signing: ${JSON.stringify(signing)}`);
    let lastSeen: unknown;
    const lag = await (async () => {
      const t0 = loadEnded;
      await waitFor(
        "the roll-up after signing",
        async () => {
          const r = await (await fetch(`${base}/api/v1/petitions/${SIGN_SLUG}`)).json();
          lastSeen = r;
          return r.pendingCount + r.signatureCount === stored ? true : undefined;
        },
        120_000,
      ).catch(async (e) => {
        const jobs = await client.query(
          "select task_identifier, run_at, attempts, last_error, locked_at from graphile_worker.jobs where task_identifier <> 'send_email' limit 10",
        );
        const uncounted = await client.query(
          "select count(*) from signatures where counted_state is distinct from state",
        );
        throw new Error(
          `${e}: ${JSON.stringify(lastSeen)} ${JSON.stringify(jobs.rows)} uncounted=${uncounted.rows[0].count}`,
        );
      });
      return Date.now() - t0;
    })();
    log(`roll-up caught up ${lag} ms after the load stopped`);
    // The log that grows during the comparison is a third petition's, so the read petition's counts stay as generated.
    const growPetition = (
      await client.query(
        "select p.id from petitions p join campaigns c on c.id = p.campaign_id where c.slug = 'release-the-files'",
      )
    ).rows[0].id as number;
    const checkpoints = await compareCheckpoints(base, client, SIGN_SLUG, growPetition);
    log(`signing with checkpoints off and on: ${JSON.stringify(checkpoints)}`);

    // The same build on a database of its own in the same PostgreSQL, for the million.
    await client.query("create database bench_large");
    mkdirSync(path.join(dir, "large"));
    large = await startBenchServer({ databaseUrl: largeUrl, dataDir: path.join(dir, "large") });
    await largeClient.connect();
    const t0 = Date.now();
    await generate(largeClient, await readPetition(largeClient), 1, LARGE);
    // As autovacuum would soon after a load this size. The first run without it took 667 s to
    // fold (about 30-85 s before, when the 1,000 had been analysed first): likely plans for an
    // empty table on a fresh database.
    await largeClient.query("analyze signatures, supporters");
    const generatedMs = Date.now() - t0;
    const t1 = Date.now();
    const largeBase = large.base;
    await waitFor(
      "the roll-up of 1,000,000",
      async () => ((await apiCount(largeBase, READ_SLUG)) === LARGE ? true : undefined),
      900_000,
    );
    const foldMs = Date.now() - t1;
    log(
      `generated ${LARGE.toLocaleString("en-US")} in ${generatedMs} ms; roll-up folded them in ${foldMs} ms`,
    );
    await settle(client);
    await settle(largeClient);
    const measured = await compareReads({ at1k: base, at1M: largeBase }, READ_PATHS, log);
    const [readsSmall, readsLarge] = [measured.at1k, measured.at1M];

    const reads = readsSmall.map((s, i) => ({
      path: s.path,
      target: READ_TARGETS[s.path] ?? null,
      at1k: s,
      at1M: readsLarge[i],
      ratio: Number((readsLarge[i].requestsPerSecond / s.requestsPerSecond).toFixed(3)),
    }));
    const meets = (r: (typeof reads)[number]) =>
      !r.target ||
      [r.at1k, r.at1M].every(
        (m) => m.requestsPerSecond >= r.target!.rps && (r.target!.p99 === undefined || m.p99 < r.target!.p99),
      );
    const checks = {
      acceptedAtLeast2000PerSecond: signing.acceptedPerSecond >= SIGN_TARGET,
      readTargetsMet: reads.every(meets),
      p99Under250ms: signing.p99 < 250,
      no5xx: serverErrors === 0,
      everyAcceptedStored: acceptedStored === accepted && stored - accepted <= CONNECTIONS,
      readsWithin10Percent: reads.every((r) => r.ratio >= 0.9),
    };
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? "unknown",
        loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))),
        note: "two shared cores; load generator, server, worker and PostgreSQL on the same machine",
      },
      baselineInsertsPerSecond: baselineRate,
      signing,
      rollupLagAfterLoadMs: lag,
      checkpoints,
      million: { signatures: LARGE, generatedMs, foldMs },
      reads,
      checks,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync("bench/results/sign.json", `${JSON.stringify(result, null, 2)}\n`);
    const ok = (b: boolean) => (b ? "yes" : "**NO**");
    writeFileSync(
      "bench/results/sign.md",
      `# Signing benchmark (${result.date})

Built server (\`node server.js\`, production mode, worker running) on a fresh embedded PostgreSQL with
durable settings; autocannon on the same ${result.machine.cpus}-core machine, which was shared with other work.

| measure | value |
|---|---|
| bare single-row INSERTs through pg (64 clients) | ${baselineRate.toLocaleString("en-US")}/s |
| signatures accepted (202), ${SIGN_SECONDS} s, ${CONNECTIONS} connections | ${accepted.toLocaleString("en-US")} (${signing.acceptedPerSecond.toLocaleString("en-US")}/s, ${(signing.fractionOfBaseline * 100).toFixed(0)}% of the bare INSERT rate) |
| latency p50 / p99 / max | ${signing.p50} / ${signing.p99} / ${signing.max} ms |
| 5xx / other non-202 / socket errors | ${serverErrors} / ${other} / ${signing.socketErrors} |
| signatures stored / accepted ones among them | ${stored.toLocaleString("en-US")} / ${acceptedStored.toLocaleString("en-US")} (${stored - accepted} more were in flight, answered after autocannon stopped counting) |
| counts complete (pending + confirmed = stored) after the load stopped | ${lag} ms (includes a 3 s settle for queued requests) |
| signing while a log grows, checkpoints off / on (${checkpoints.off.seconds} s each, same run) | ${checkpoints.off.acceptedPerSecond}/s p99 ${checkpoints.off.p99} ms (${checkpoints.off.checkpointsSigned} checkpoints) / ${checkpoints.on.acceptedPerSecond}/s p99 ${checkpoints.on.p99} ms (${checkpoints.on.checkpointsSigned} checkpoints): ratio ${checkpoints.acceptedRatio} |
| ${LARGE.toLocaleString("en-US")} signatures generated (second server's database) / folded by its roll-up | ${generatedMs} ms / ${foldMs} ms |

Reads: two servers of the same build at once, one on a database with 1,000 signatures, one with
${LARGE.toLocaleString("en-US")}; anonymous with a browser's headers (gzip), 32 connections; per path a warm-up, then
rounds in which the two take turns; the median round of each (every round's req/s in brackets).

| read | at 1,000 (req/s, p99) | at ${LARGE.toLocaleString("en-US")} (req/s, p99) | ratio |
|---|---|---|---|
${reads.map((r) => `| \`${r.path}\` | ${r.at1k.requestsPerSecond} (${r.at1k.p99} ms) [${r.at1k.rounds.join(", ")}] | ${r.at1M.requestsPerSecond} (${r.at1M.p99} ms) [${r.at1M.rounds.join(", ")}] | ${r.ratio} |`).join("\n")}

Checks: ≥2,000 accepted/s ${ok(checks.acceptedAtLeast2000PerSecond)} · read targets ${ok(checks.readTargetsMet)} · p99 < 250 ms ${ok(checks.p99Under250ms)} · no 5xx ${ok(checks.no5xx)} · every accepted signature stored ${ok(checks.everyAcceptedStored)} · reads within 10% ${ok(checks.readsWithin10Percent)}
`,
    );
    log(`done in ${result.totalSeconds} s: ${JSON.stringify(checks)}`);
    if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    await largeClient.end().catch(() => undefined);
    await server?.stop();
    await large?.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
