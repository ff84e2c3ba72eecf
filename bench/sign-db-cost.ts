/**
 * npm run bench:sign-cost — what PostgreSQL does per signature, for before/after comparisons.
 *
 * On the built server (`node server.js`, worker sending confirmations) and a fresh embedded
 * PostgreSQL with durable settings and pg_stat_statements loaded:
 *  1. bare single-row INSERTs through pg at 64 clients for 10 s (this run's baseline)
 *  2. signing at 64 connections for BENCH_SIGN_SECONDS (20 s), as bench/sign.ts signs
 *  3. waiting until the counts are complete and every confirmation is sent (the deferred work)
 *  4. per stored signature: PostgreSQL's CPU time (all its processes, /proc), WAL bytes and
 *     records, rows inserted / updated (HOT or not) / deleted per table, and the statements that
 *     took most of the database's time (pg_stat_statements), from the start of signing to drained
 *
 * Writes bench/results/sign-db-cost-<BENCH_LABEL>.json. Run it from the worktree whose build is
 * to be measured (it starts `server.js` of the current folder). Not part of the test suite.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded.server";
import { startBenchServer } from "./reads";
import { bareInsertRate, benchSigner } from "./signing-load";

const SIGN_SECONDS = Number(process.env.BENCH_SIGN_SECONDS ?? 20);
const LABEL = process.env.BENCH_LABEL ?? "run";
const CONNECTIONS = 64;
const SLUG = "dpaa-director";
const TICKS = 100; // clock ticks a second (getconf CLK_TCK on Linux)
const log = (m: string) => console.log(`[sign-cost] ${m}`);

/**
 * CPU seconds used so far by the postmaster and its children (backends, WAL writer, ...): the
 * live ones, and the ended ones the postmaster has waited for (its cutime and cstime).
 */
function postgresCpuSeconds(postmasterPid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const [ppid, utime, stime] = [Number(fields[1]), Number(fields[11]), Number(fields[12])];
      if (Number(entry) === postmasterPid) ticks += utime + stime + Number(fields[13]) + Number(fields[14]);
      else if (ppid === postmasterPid) ticks += utime + stime;
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / TICKS;
}

async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const TABLES_SQL = `select relname as table, n_tup_ins::int as ins, n_tup_upd::int as upd, n_tup_hot_upd::int as hot,
  n_tup_del::int as del from pg_stat_user_tables where schemaname in ('public', 'graphile_worker')
  and n_tup_ins + n_tup_upd + n_tup_del > 0 order by n_tup_ins + n_tup_upd + n_tup_del desc`;

async function main() {
  const dir = path.join(tmpdir(), `bench-sign-cost-${process.pid}`);
  // Loaded at start only: a first start writes the setting, the second loads the library.
  const first = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  const setup = new pg.Client({ connectionString: first.url });
  await setup.connect();
  await setup.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
  await setup.query("alter system set pg_stat_statements.track = 'all'");
  await setup.end();
  await first.stop();
  const database = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  const client = new pg.Client({ connectionString: database.url });
  const server = await startBenchServer({ databaseUrl: database.url, dataDir: dir });
  try {
    await client.connect();
    await client.query("create extension if not exists pg_stat_statements");
    const postmasterPid = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    const baselineRate = await bareInsertRate(database.url, CONNECTIONS);
    log(`baseline bare INSERTs: ${baselineRate}/s`);
    // The baseline's backends have ended; once the postmaster has reaped them their CPU is in its
    // cutime, so wait for that before the first reading.
    await new Promise((r) => setTimeout(r, 3000));

    await client.query("select pg_stat_statements_reset(), pg_stat_reset()");
    const wal0 = (await client.query("select wal_records::bigint, wal_bytes::bigint from pg_stat_wal"))
      .rows[0];
    const cpu0 = postgresCpuSeconds(postmasterPid);
    const t0 = Date.now();
    let accepted = 0;
    let seq = 0;
    let errors = 0;
    const runId = Date.now().toString(36);
    const sign = await autocannon({
      url: server.base,
      connections: CONNECTIONS,
      duration: SIGN_SECONDS,
      requests: [
        {
          method: "POST",
          path: `/api/v1/petitions/${SLUG}/signatures`,
          headers: { "content-type": "application/json" },
          setupRequest: (req) => ({ ...req, body: benchSigner(`c${runId}`, seq++).body }),
          onResponse: (status) => {
            if (status === 202) accepted++;
            else errors++;
          },
        },
      ],
    });
    const cpuSigning = postgresCpuSeconds(postmasterPid) - cpu0;
    const loadEnded = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    const stored = Number(
      (
        await client.query(
          "select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id join campaigns c on c.id = p.campaign_id where c.slug = $1",
          [SLUG],
        )
      ).rows[0].n,
    );
    await waitFor(
      "the counts and the outbox",
      async () => {
        const r = await (await fetch(`${server.base}/api/v1/petitions/${SLUG}`)).json();
        const jobs = await client.query(
          "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_email'",
        );
        const sent = await client.query(
          "select exists (select 1 from emails where kind = 'signature-confirmation' and status = 'sent') as sent",
        );
        return r.pendingCount + r.signatureCount === stored && jobs.rows[0].n === 0 && sent.rows[0].sent;
      },
      300_000,
    );
    const drainedMs = Date.now() - loadEnded;
    const cpuTotal = postgresCpuSeconds(postmasterPid) - cpu0;
    const wal1 = (await client.query("select wal_records::bigint, wal_bytes::bigint from pg_stat_wal"))
      .rows[0];
    const signed = Number(
      (
        await client.query(
          "select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id join campaigns c on c.id = p.campaign_id where c.slug = $1 and s.email_canonical like $2",
          [SLUG, `c${runId}-%`],
        )
      ).rows[0].n,
    );
    const per = (n: number) => Number((n / signed).toFixed(3));
    const tables = (await client.query(TABLES_SQL)).rows.map((t) => ({
      ...t,
      perSignature: { ins: per(t.ins), upd: per(t.upd), hot: per(t.hot), del: per(t.del) },
    }));
    const statements = (
      await client.query(
        `select left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query, calls::int, rows::int,
           round(total_exec_time::numeric, 1)::float as ms, round(wal_bytes::numeric)::bigint as wal_bytes
         from pg_stat_statements order by total_exec_time desc limit 15`,
      )
    ).rows.map((s) => ({ ...s, msPerSignature: Number((s.ms / signed).toFixed(4)) }));
    const result = {
      label: LABEL,
      date: new Date().toISOString(),
      loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))),
      baselineInsertsPerSecond: baselineRate,
      seconds: SIGN_SECONDS,
      accepted,
      acceptedPerSecond: Math.round(accepted / SIGN_SECONDS),
      ratioToBaseline: Number((accepted / SIGN_SECONDS / baselineRate).toFixed(3)),
      p50: sign.latency.p50,
      p99: sign.latency.p99,
      non202: errors,
      signed,
      drainedMs,
      postgresCoresWhileSigning: Number((cpuSigning / ((loadEnded - t0) / 1000)).toFixed(2)),
      postgresCpuMsPerSignature: Number(((cpuTotal * 1000) / signed).toFixed(3)),
      walBytesPerSignature: Math.round((Number(wal1.wal_bytes) - Number(wal0.wal_bytes)) / signed),
      walRecordsPerSignature: per(Number(wal1.wal_records) - Number(wal0.wal_records)),
      tables,
      statements,
    };
    writeFileSync(`bench/results/sign-db-cost-${LABEL}.json`, `${JSON.stringify(result, null, 2)}\n`);
    const { tables: _t, statements: _s, ...summary } = result;
    log(JSON.stringify(summary));
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
