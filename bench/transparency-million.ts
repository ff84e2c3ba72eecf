/**
 * npm run bench:transparency — the "done means" at a million signatures, on the built
 * server (production mode, worker running) and a fresh embedded PostgreSQL:
 *
 *  1. a seeded petition gets 1,000,000 confirmed signatures (generate_series); the roll-up folds
 *     them and appends them to the petition's log (timed until tally.json and the API agree);
 *  2. `npm run verify` runs against the server as a separate process: its totals must equal the
 *     API's and the campaign page's;
 *  3. a bulk invalidation (an IP-burst rule: every signature from one address, one in 25 of the
 *     million, as the organizer's form records it) goes through the roll-up: the log shows it, the
 *     counts drop, the verifier still passes (with --previous the first checkpoint), and the receipt
 *     of an invalidated signature, which verified before, now fails.
 *
 * Checkpoints follow the production cadence (TRANSPARENCY_CHECKPOINT_SECONDS, default 120 s; a
 * removal is signed at once): the figures say how many were signed.
 *
 * Writes bench/results/transparency-million.json and .md. Not part of the test suite.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../db/embedded.server";
import { encodeReceipt } from "../app/modules/transparency/receipt";
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
    const petitionId = Number(
      (
        await client.query(
          "select p.id from petitions p join campaigns c on c.id = p.campaign_id where c.slug = $1",
          [SLUG],
        )
      ).rows[0].id,
    );

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
    // The receipt of one signature the burst rule will remove (the random bytes were drawn when it entered the log).
    const victim = (
      await client.query(
        `select e.signature_id, e.nonce from signature_log_entries e join signatures s on s.id = e.signature_id
         where s.petition_id = $1 and s.ip_hash = 'burst-address-hash' order by s.id desc limit 1`,
        [petitionId],
      )
    ).rows[0] as { signature_id: string; nonce: Buffer };
    const receipt = encodeReceipt({
      petitionId,
      signatureId: Number(victim.signature_id),
      nonce: victim.nonce,
    });
    const v1 = await verify([`${base}/campaigns/${SLUG}`, "--receipt", receipt]);
    log(`verify: exit ${v1.code} in ${v1.seconds.toFixed(1)} s\n${v1.out}`);
    if (v1.code !== 0 || counted(v1.out) !== first.api || first.page !== first.api)
      throw new Error("the verifier's total differs from the page's");

    // A bulk invalidation: every signature from one address (an IP-burst rule), as the organizer's form records it.
    const t2 = Date.now();
    const inv = await client.query(
      `with r as (insert into signature_invalidations (petition_id, rule, count) values ($1, '{"rule":"ipHash","ipHash":"burst-address-hash"}', 0) returning id)
       update signatures set state = 'invalidated', invalidated_at = now(), invalidation_id = (select id from r)
       where petition_id = $1 and ip_hash = 'burst-address-hash' and state = 'confirmed'`,
      [petitionId],
    );
    const removed = inv.rowCount ?? 0;
    log(`invalidated ${removed}`);
    const second = await waitFor(
      "the invalidation to reach the page and the log",
      async () => {
        const f = await figures(base);
        return f.api === N - removed && f.net === N - removed ? f : undefined;
      },
      900_000,
    );
    const invalidatedSeconds = (Date.now() - t2) / 1000;
    const lastLines = await client.query(
      `select position, left(line, 100) as line, length(line) as chars from transparency_log_lines
       where petition_id = $1 and line like '%"type":"invalidation"%' order by position`,
      [petitionId],
    );
    const v2 = await verify([`${base}/transparency/petitions/${SLUG}`, "--previous", previous]);
    log(`verify after invalidating ${removed}: exit ${v2.code} in ${v2.seconds.toFixed(1)} s\n${v2.out}`);
    if (v2.code !== 0 || counted(v2.out) !== second.api || second.page !== second.api)
      throw new Error("after the invalidation the verifier's total differs from the page's");
    const v3 = await verify([`${base}/campaigns/${SLUG}`, "--receipt", receipt]);
    log(
      `verify the invalidated signature's receipt: exit ${v3.code} in ${v3.seconds.toFixed(1)} s\n${v3.out}`,
    );
    if (v3.code !== 1 || !/removed by line \d+: invalidation \(ip-burst\)/.test(v3.out))
      throw new Error("the invalidated signature's receipt did not fail as it should");
    const checkpoints = Number(
      (
        await client.query("select count(*) from transparency_checkpoints where petition_id = $1", [
          petitionId,
        ])
      ).rows[0].count,
    );
    const result = {
      signatures: N,
      generatedSeconds,
      rolledUpAndLoggedSeconds: rolledSeconds,
      first,
      verify1Seconds: Number(v1.seconds.toFixed(1)),
      invalidated: removed,
      invalidatedSeconds,
      invalidationLines: lastLines.rows,
      second,
      verify2Seconds: Number(v2.seconds.toFixed(1)),
      receiptBefore: /receipt: .*/.exec(v1.out)?.[0] ?? "",
      receiptAfter: /FAILED: .*/.exec(v3.out)?.[0] ?? "",
      verify3Seconds: Number(v3.seconds.toFixed(1)),
      checkpointsSigned: checkpoints,
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
- Bulk invalidation of ${removed.toLocaleString("en-US")} signatures (an IP-burst rule: every signature from one address): in the
  log, on the page and in a new checkpoint ${invalidatedSeconds.toFixed(0)} s later, as ${result.invalidationLines.length} invalidation line(s) with category ip-burst
  (${result.invalidationLines.map((l: { position: number; chars: number }) => `line ${l.position}, ${l.chars.toLocaleString("en-US")} characters`).join("; ")}).
- \`npm run verify -- … --previous <first checkpoint>\`: exit 0 in ${result.verify2Seconds} s, counted
  ${second.net.toLocaleString("en-US")}; API ${second.api.toLocaleString("en-US")}, page ${second.page.toLocaleString("en-US")}.
- The receipt of one of the removed signatures: before, exit 0 (\`${result.receiptBefore}\`); after, exit 1 in ${result.verify3Seconds} s
  (\`${result.receiptAfter}\`).
- Checkpoints signed for this petition over the run (cadence 120 s, removals at once): ${checkpoints}.
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
