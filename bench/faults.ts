/**
 * npm run bench:faults — the fault runs of issue 10, each against the built server
 * (`node server.js`) on a PostgreSQL of its own, loopback only, bounded in count and time:
 *
 *  1. postgres-stopped      PostgreSQL stopped for 10 s during a signing load, then started
 *  2. connections-terminated pg_terminate_backend on every client backend during a signing load
 *  3. worker-killed         the server killed with SIGKILL mid-way through a 10,000-recipient update
 *  4. provider-faults       the email provider answering 429/500 and dropping connections for a minute
 *  5. webhooks-replayed     every Stripe and Resend webhook three times, out of order, concurrently
 *  6. slow-queries          every query slowed by 200 ms by a delaying TCP proxy
 *
 * BENCH_FAULTS=1,2,6 picks runs. Writes bench/results/faults.json and bench/results/faults.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { connectionsTerminated, postgresStopped, slowQueries } from "./faults/database-runs";
import { log } from "./faults/harness";
import { providerFaults, workerKilled } from "./faults/mail-runs";
import { summaryMarkdown } from "./faults/summary";
import { webhooksReplayed } from "./faults/webhook-run";

type Run = { id: string; title: string; run: () => Promise<{ pass: boolean } & Record<string, unknown>> };

const runs: Run[] = [
  { id: "1", title: "postgres-stopped", run: postgresStopped },
  { id: "2", title: "connections-terminated", run: connectionsTerminated },
  { id: "3", title: "worker-killed", run: workerKilled },
  { id: "4", title: "provider-faults", run: providerFaults },
  { id: "5", title: "webhooks-replayed", run: webhooksReplayed },
  { id: "6", title: "slow-queries", run: slowQueries },
];

async function main() {
  if (!process.env.SKIP_BUILD) {
    const built = spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  const wanted = (process.env.BENCH_FAULTS ?? "").split(",").filter(Boolean);
  const file = "bench/results/faults.json";
  const results: Record<string, unknown> = {};
  for (const r of runs) {
    if (wanted.length && !wanted.includes(r.id)) continue;
    log(`run ${r.id}: ${r.title}`);
    const started = Date.now();
    try {
      const out = await r.run();
      results[r.title] = {
        run: Number(r.id),
        ...out,
        seconds: Math.round((Date.now() - started) / 1000),
        at: new Date().toISOString(),
      };
    } catch (error) {
      results[r.title] = {
        run: Number(r.id),
        pass: false,
        error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        at: new Date().toISOString(),
      };
    }
    log(`run ${r.id} ${r.title}: ${JSON.stringify(results[r.title])}`);
  }
  // Runs picked by BENCH_FAULTS replace their own entries; the others' last results are kept.
  const previous =
    wanted.length && existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")).runs as Record<string, unknown>)
      : {};
  const all = { ...previous, ...results };
  const report = {
    machine: {
      cpus: cpus().length,
      node: process.version,
      note: "two shared cores; load generator, server and PostgreSQL on the same machine",
    },
    runs: all,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync("bench/results/faults.md", summaryMarkdown(report));
  const failed = Object.entries(results).filter(([, v]) => !(v as { pass: boolean }).pass);
  log(failed.length ? `FAILED: ${failed.map(([k]) => k).join(", ")}` : "every run passed");
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
