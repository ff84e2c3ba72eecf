/**
 * npm run bench — every benchmark against one production build, each on its own fresh embedded
 * PostgreSQL, one after the other (they would skew each other's numbers), then
 * bench/results/summary.md (bench/summary.ts). BENCH_ONLY=sign,scale runs a subset (the summary
 * keeps the other results already in bench/results/); BENCH_QUICK=1 shortens every run (to check
 * the scripts, not for figures).
 */
import { spawnSync } from "node:child_process";
import { writeSummary } from "./summary";

const BENCHES = ["sign", "scale", "mail", "mail-kill", "letters", "faults"] as const;
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const quick: Record<string, string> = process.env.BENCH_QUICK
  ? {
      BENCH_SIGN_SECONDS: "15",
      BENCH_READ_SECONDS: "5",
      BENCH_SCALE_SECONDS: "10",
      BENCH_SCALE_RECIPIENTS: "500",
    }
  : {};

const built = spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
if (built.status !== 0) process.exit(1);
const failed: string[] = [];
for (const name of BENCHES) {
  if (only && !only.includes(name)) continue;
  console.log(`[bench] npm run bench:${name}`);
  const run = spawnSync("npm", ["run", `bench:${name}`], {
    stdio: "inherit",
    env: { ...process.env, ...quick, SKIP_BUILD: "1" },
  });
  if (run.status !== 0) failed.push(name);
}
const met = writeSummary();
console.log(`[bench] wrote bench/results/summary.md (${met ? "every target met" : "some targets not met"})`);
if (failed.length) console.log(`[bench] runs that failed or missed a target: ${failed.join(", ")}`);
if (failed.length || !met) process.exitCode = 1;
