/**
 * npm run bench:rollup — what the transparency log costs the roll-up on a backlog, measured in one
 * run against its own baseline: a fresh embedded PostgreSQL, BENCH_ROLLUP (default 100,000)
 * confirmed signatures generated at once, then
 *
 *  1. the fold alone (foldSignatureBatch, 20,000 a transaction, as rollUpSignatures runs it): the baseline;
 *  2. the log's append of the same backlog (appendToLogs, 20,000 a transaction) and its checkpoint;
 *
 * with every SQL statement timed by its first words (pg's Client.query wrapped in this process),
 * so the report says where the append's time goes. Writes bench/results/transparency-rollup.json
 * and prints a summary line. Not part of the test suite.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "~db/connect.server";
import { db } from "~db/index.server";
import { runSeed } from "~db/seed/seed.server";
import { overrideEnv } from "~/env.server";
import { foldSignatureBatch, lockRollup } from "~/modules/petitions/rollup.queries.server";
import { appendToLogs, publishDueCheckpoints } from "~/modules/transparency/transparency.server";

const N = Number(process.env.BENCH_ROLLUP ?? 100_000);
const BATCH = 20_000;
const log = (m: string) => console.log(`[bench] ${m}`);

// Every statement's time, by its first words (whitespace folded).
const byStatement = new Map<string, { calls: number; ms: number }>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function timed(this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string })?.text ?? "");
  const key = text.replace(/\s+/g, " ").trim().slice(0, 70);
  const t0 = performance.now();
  const result = query.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function") {
    const done = () => {
      const s = byStatement.get(key) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += performance.now() - t0;
      byStatement.set(key, s);
    };
    (result as Promise<unknown>).then(done, done); // the caller still sees its own rejection
  }
  return result;
} as typeof pg.Client.prototype.query;

async function timedBatches(what: string, step: () => Promise<number>) {
  const t0 = performance.now();
  const perBatch: number[] = [];
  for (;;) {
    const b0 = performance.now();
    const n = await db()
      .transaction()
      .execute(async (trx) => {
        await lockRollup(trx);
        return step.call(trx);
      });
    if (n === 0) break;
    perBatch.push(Math.round(performance.now() - b0));
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`${what}: ${seconds.toFixed(2)} s (${perBatch.join(", ")} ms per batch)`);
  return { seconds: Number(seconds.toFixed(2)), perBatchMs: perBatch };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-rollup-"));
  chmodSync(dir, 0o755);
  overrideEnv({
    LOG_LEVEL: "warn",
    SESSION_SECRET: "bench-session-secret-".padEnd(48, "x"),
    IP_HASH_SECRET: "bench-ip-hash-secret-xx",
  });
  const database = await openDatabase({ dataDir: dir, log: () => undefined, poolSize: 3 });
  try {
    await runSeed(db());
    const petition = await db()
      .selectFrom("petitions")
      .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
      .select("petitions.id")
      .where("campaigns.slug", "=", "ask-moscow-beijing")
      .executeTakeFirstOrThrow();
    // Whatever the seed left for the roll-up goes first, so both phases see only the backlog.
    while (
      (await db()
        .transaction()
        .execute((trx) => foldSignatureBatch(trx, BATCH))) > 0
    );
    while (
      (await db()
        .transaction()
        .execute((trx) => appendToLogs(trx, BATCH))) > 0
    );
    const g0 = performance.now();
    await sql`
      with s as (
        insert into supporters (email, email_canonical, first_name, last_name, zip, state, district, confirmed_at)
        select 'gen' || g || '@gen' || (g % 997) || '.example', 'gen' || g || '@gen' || (g % 997) || '.example', 'Gen', 'Signer', '05401', 'VT', 0, now()
        from generate_series(1, ${N}) g returning id, email_canonical
      )
      insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name, zip, us_state, district,
        confirmed_at, confirmation_sent_at, created_at)
      select ${petition.id}, s.id, s.email_canonical, split_part(s.email_canonical, '@', 2), 'confirmed', 'Gen', 'Signer', '05401',
        (array['VT','NY','CA','TX','OH','PA','FL','IL','GA','MI'])[1 + s.id % 10], (s.id % 5)::int,
        now() - (s.id % 168) * interval '1 hour', now(), now() - (s.id % 168) * interval '1 hour'
      from s`.execute(db());
    await sql`analyze signatures`.execute(db());
    log(`generated ${N} in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
    byStatement.clear();
    const fold = await timedBatches("fold alone (the baseline)", function (this: never) {
      return foldSignatureBatch(this, BATCH);
    });
    const foldStatements = [...byStatement];
    byStatement.clear();
    const append = await timedBatches("log append", async function (this: never) {
      const n = await appendToLogs(this, BATCH);
      await publishDueCheckpoints(this);
      return n;
    });
    const statements = [...byStatement]
      .map(([text, s]) => ({ text, calls: s.calls, ms: Math.round(s.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    const result = {
      at: new Date().toISOString(),
      signatures: N,
      batch: BATCH,
      fold,
      append,
      appendOverFold: Number((append.seconds / fold.seconds).toFixed(2)),
      foldStatements: foldStatements.map(([text, s]) => ({ text, calls: s.calls, ms: Math.round(s.ms) })),
      appendStatements: statements,
      loadAverage: Number(loadavg()[0].toFixed(1)),
    };
    const out = process.env.BENCH_OUT ?? "bench/results/transparency-rollup.json";
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`append/fold ${result.appendOverFold} (load ${result.loadAverage}); statements:`);
    for (const s of statements) log(`  ${s.ms} ms in ${s.calls}: ${s.text}`);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
