/**
 * npm run bench:transparency — the "done means" at a million signatures, on the built
 * server (production mode, worker running) and a fresh embedded PostgreSQL:
 *
 *  1. a seeded petition gets 1,000,000 confirmed signatures (generate_series); the roll-up folds
 *     them and appends them to the petition's log (timed until tally.json and the API agree);
 *  2. `npm run verify` runs against the server as a separate process: its totals must equal the
 *     API's and the campaign page's;
 *  3. a bulk invalidation (every signature of one email domain) goes through the roll-up: the log
 *     shows it, the counts drop, and the verifier still passes, with --previous the first checkpoint.
 *
 * Writes bench/results/transparency-million.json and .md. Not part of the test suite.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../db/embedded.server";
import { insertConfirmedSignatures } from "./signature-loader";

const N = Number(process.env.BENCH_LARGE ?? 1_000_000);
const SLUG = "ask-moscow-beijing";
const log = (m: string) => console.log(`[bench] ${m}`);

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function verify(args: string[]): Promise<{ code: number; out: string; seconds: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/verify.ts", ...args], { stdio: "pipe" });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) => resolve({ code: code ?? -1, out, seconds: (performance.now() - t0) / 1000 }));
  });
}

const counted = (out: string) => Number(/counted (\d+)/.exec(out)?.[1]);

async function figures(base: string) {
  const api = await (await fetch(`${base}/api/v1/petitions/${SLUG}`)).json();
  const html = await (await fetch(`${base}/campaigns/${SLUG}`)).text();
  const page = Number(
    /progress__label[^>]*>\s*<strong>([\d,]+)<\/strong>/.exec(html)?.[1].replace(/,/g, "") ?? Number.NaN,
  );
  const tally = await (await fetch(`${base}/transparency/petitions/${SLUG}/tally.json`)).json();
  return {
    api: api.signatureCount as number,
    page,
    net: tally.tally.net as number,
    size: tally.size as number,
  };
}

async function main() {
  if (!process.env.SKIP_BUILD) {
    const built = spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bench-transparency-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const client = new pg.Client({ connectionString: database.url });
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["server.js"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: base,
        DATABASE_URL: database.url,
        DATA_DIR: dir,
        SESSION_SECRET: "t".repeat(40),
        IP_HASH_SECRET: "u".repeat(20),
        TRANSPARENCY_SIGNING_KEY: Buffer.from("bench-transparency-key-32-bytes!").toString("base64"),
        ORG_POSTAL_ADDRESS: "PO Box 1, Bench, VT 05401",
        DATA_IMPORT_DIR: path.resolve("data/congress"),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitFor("the server", async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined), 120_000);
    await client.connect();
    const petitionId = (
      await client.query(
        "select p.id from petitions p join campaigns c on c.id = p.campaign_id where c.slug = $1",
        [SLUG],
      )
    ).rows[0].id as number;

    const t0 = Date.now();
    await insertConfirmedSignatures((text, params) => client.query(text, params), petitionId, 1, N, 168, log);
    const generatedSeconds = (Date.now() - t0) / 1000;
    const t1 = Date.now();
    const first = await waitFor(
      "the roll-up and the log to reach a million",
      async () => {
        const f = await figures(base);
        return f.api === N && f.net === N ? f : undefined;
      },
      3_600_000,
    );
    const rolledSeconds = (Date.now() - t1) / 1000;
    log(`rolled up and logged ${N} in ${rolledSeconds.toFixed(0)} s: ${JSON.stringify(first)}`);
    const firstCheckpoint = await (await fetch(`${base}/transparency/petitions/${SLUG}/checkpoint`)).text();
    const previous = path.join(dir, "first-checkpoint");
    writeFileSync(previous, firstCheckpoint);
    const v1 = await verify([`${base}/campaigns/${SLUG}`]);
    log(`verify: exit ${v1.code} in ${v1.seconds.toFixed(1)} s\n${v1.out}`);
    if (v1.code !== 0 || counted(v1.out) !== first.api || first.page !== first.api)
      throw new Error("the verifier's total differs from the page's");

    // A bulk invalidation: every signature of one email domain, as the organizer's form records it.
    const t2 = Date.now();
    const inv = await client.query(
      `with r as (insert into signature_invalidations (petition_id, rule, count) values ($1, '{"rule":"domain","domain":"gen7.example"}', 0) returning id)
       update signatures set state = 'invalidated', invalidated_at = now(), invalidation_id = (select id from r)
       where petition_id = $1 and email_domain = 'gen7.example' and state = 'confirmed'`,
      [petitionId],
    );
    const removed = inv.rowCount ?? 0;
    const second = await waitFor(
      "the invalidation to reach the page and the log",
      async () => {
        const f = await figures(base);
        return f.api === N - removed && f.net === N - removed ? f : undefined;
      },
      600_000,
    );
    const invalidatedSeconds = (Date.now() - t2) / 1000;
    const lastLine = await client.query(
      "select line from transparency_log_lines where petition_id = $1 order by position desc limit 1",
      [petitionId],
    );
    const v2 = await verify([`${base}/transparency/petitions/${SLUG}`, "--previous", previous]);
    log(`verify after invalidating ${removed}: exit ${v2.code} in ${v2.seconds.toFixed(1)} s\n${v2.out}`);
    if (v2.code !== 0 || counted(v2.out) !== second.api || second.page !== second.api)
      throw new Error("after the invalidation the verifier's total differs from the page's");
    const result = {
      signatures: N,
      generatedSeconds,
      rolledUpAndLoggedSeconds: rolledSeconds,
      first,
      verify1Seconds: Number(v1.seconds.toFixed(1)),
      invalidated: removed,
      invalidatedSeconds,
      lastLine: lastLine.rows[0].line.slice(0, 120),
      second,
      verify2Seconds: Number(v2.seconds.toFixed(1)),
      loadAverage: Number(loadavg()[0].toFixed(1)),
      at: new Date().toISOString(),
    };
    writeFileSync("bench/results/transparency-million.json", `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      "bench/results/transparency-million.md",
      `# A million signatures, checked from outside

\`npm run bench:transparency\` (${result.at}; built server in production mode with its worker, fresh
embedded PostgreSQL, two cores shared with other work: load average ${result.loadAverage}).

- ${N.toLocaleString("en-US")} confirmed signatures inserted in ${generatedSeconds.toFixed(0)} s; the roll-up folded them and
  appended them to the log (and signed checkpoints) in ${rolledSeconds.toFixed(0)} s.
- \`npm run verify -- ${"<server>"}/campaigns/${SLUG}\` (separate process, fetching the ${first.size.toLocaleString("en-US")}-line log
  over HTTP): exit 0 in ${result.verify1Seconds} s, counted ${first.net.toLocaleString("en-US")}; the API and the campaign page show ${first.api.toLocaleString("en-US")} and ${first.page.toLocaleString("en-US")}.
- Bulk invalidation of ${removed.toLocaleString("en-US")} signatures (one email domain): in the log and on the page
  ${invalidatedSeconds.toFixed(0)} s later; last line \`${result.lastLine}…\`.
- \`npm run verify -- … --previous <first checkpoint>\`: exit 0 in ${result.verify2Seconds} s, counted
  ${second.net.toLocaleString("en-US")}; API ${second.api.toLocaleString("en-US")}, page ${second.page.toLocaleString("en-US")}.
`,
    );
  } finally {
    server?.kill("SIGTERM");
    await client.end().catch(() => undefined);
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
