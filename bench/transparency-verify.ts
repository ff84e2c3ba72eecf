/**
 * npm run bench:verify — the verifier on a one-million-line log, on one core.
 *
 * Builds a log the way the roll-up does (signatures across states, districts and hours, with
 * bulk invalidations, withdrawals and erasures among them), its signed checkpoint and tally, in a
 * temporary folder; then runs `npm run verify` on it pinned to one CPU (taskset -c 0) and times
 * it. Writes bench/results/transparency-verify.json and .md. Not part of the test suite.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { commitment, formatLine, type LogLine } from "../app/modules/transparency/log-lines";
import { MerkleFrontier } from "../app/modules/transparency/merkle";
import { checkpointBody, keyFromSeed, signNote, verifierKey } from "../app/modules/transparency/signed-note";
import { addSignature, canonicalTally, emptyTally, moveSignature } from "../app/modules/transparency/tally";

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const STATES = ["CA", "TX", "FL", "NY", "PA", "OH", "VT", "WY"];
const log = (m: string) => console.log(`[bench] ${m}`);

function build(dir: string) {
  const t0 = performance.now();
  const key = keyFromSeed("bench.example/transparency", randomBytes(32));
  const frontier = new MerkleFrontier();
  const tally = emptyTally();
  const chunks: string[] = [];
  const geo: Array<{ state: string; district: number | null; hour: string }> = [];
  const active: number[] = [];
  let signatures = 0;
  const push = (line: LogLine) => {
    const text = formatLine(line);
    frontier.appendLine(text);
    chunks.push(text);
  };
  const nonce = randomBytes(32);
  while (frontier.size < LINES) {
    const position = frontier.size;
    // About one line in 2,000 is an event: a bulk invalidation of 200, or a withdrawal/erasure of one.
    if (position % 2000 === 1999 && active.length > 300) {
      const kind = (position / 2000) % 3;
      if (kind < 1) {
        const positions = active.splice(0, 200);
        push({ position, type: "invalidation", category: "ip-burst", positions });
        for (const p of positions) moveSignature(tally, geo[p], "active", "invalidated");
      } else {
        const positions = active.splice(0, 1);
        const type = kind < 2 ? "withdrawal" : "erasure";
        push({ position, type, positions });
        for (const p of positions)
          moveSignature(tally, geo[p], "active", type === "withdrawal" ? "withdrawn" : "erased");
      }
      continue;
    }
    const state = STATES[position % STATES.length];
    const g = {
      state,
      district: position % 11 === 0 ? null : position % 52,
      hour: `2026-11-${String(1 + (Math.floor(position / 40_000) % 28)).padStart(2, "0")}T${String(Math.floor(position / 2000) % 24).padStart(2, "0")}:00Z`,
    };
    geo[position] = g;
    active.push(position);
    signatures++;
    push({ position, type: "signature", commitment: commitment(1, position + 1, nonce), ...g });
    addSignature(tally, g);
  }
  const note = signNote(
    checkpointBody("bench.example/transparency/petitions/1", frontier.size, frontier.root()),
    key,
  );
  writeFileSync(path.join(dir, "log"), `${chunks.join("\n")}\n`);
  writeFileSync(path.join(dir, "checkpoint"), note);
  writeFileSync(
    path.join(dir, "tally.json"),
    JSON.stringify({
      petition: { id: 1, slug: "bench" },
      size: frontier.size,
      root: frontier.root().toString("base64"),
      verifierKey: verifierKey(key),
      tally: canonicalTally(tally),
      pending: 0,
    }),
  );
  log(
    `built ${frontier.size} lines (${signatures} signatures) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { key: verifierKey(key), bytes: chunks.reduce((n, c) => n + c.length + 1, 0), tally };
}

const dir = mkdtempSync(path.join(tmpdir(), "verify-bench-"));
try {
  const built = build(dir);
  const runs: number[] = [];
  let inner = "";
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      "taskset",
      ["-c", "0", "node_modules/.bin/tsx", "scripts/verify.ts", dir, "--key", built.key],
      {
        encoding: "utf8",
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`the verifier failed: ${r.stderr}`);
    inner = /checked in ([\d.]+) s/.exec(r.stdout)?.[1] ?? "";
    runs.push(seconds);
    log(`run ${i + 1}: ${seconds.toFixed(2)} s wall (verification itself ${inner} s)`);
  }
  const result = {
    lines: LINES,
    logBytes: built.bytes,
    net: built.tally.net,
    invalidated: built.tally.invalidated,
    wallSeconds: runs.map((s) => Number(s.toFixed(2))),
    bestWallSeconds: Number(Math.min(...runs).toFixed(2)),
    lastVerificationSeconds: Number(inner),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    pinned: "taskset -c 0",
    loadAverage: Number(loadavg()[0].toFixed(1)),
    at: new Date().toISOString(),
  };
  writeFileSync("bench/results/transparency-verify.json", `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    "bench/results/transparency-verify.md",
    `# Verifier on a ${LINES.toLocaleString("en-US")}-line log (one core)

\`npm run bench:verify\` (${result.at}, ${result.cpu}, Node ${result.node}, pinned with ${result.pinned};
the machine's two cores were shared with other work: load average ${result.loadAverage}).

- Log: ${LINES.toLocaleString("en-US")} lines, ${(built.bytes / 1e6).toFixed(0)} MB; ${result.net.toLocaleString("en-US")} counted, ${result.invalidated.toLocaleString("en-US")} invalidated in bulk lines, plus withdrawals and erasures.
- Whole command (tsx start-up, reading the files, checking the signature, every line's canonical
  form, the Merkle root, every transition and count): ${result.wallSeconds.join(" s, ")} s; best ${result.bestWallSeconds} s.
- Verification alone (last run): ${result.lastVerificationSeconds} s.
- Target: under 10 s.
`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
