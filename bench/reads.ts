/**
 * The built server as the benchmarks start it, and read figures that measure the app rather than
 * the neighbours: every figure is the median of READ_ROUNDS runs after a warm-up, and servers
 * compared with each other (1,000 against 1,000,000 signatures, or two builds) are measured in
 * alternating turns in the same minutes, so a busy moment of the machine falls on both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "../db/embedded.server";

const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 5);
const READ_ROUNDS = Number(process.env.BENCH_READ_ROUNDS ?? 3);
const WARMUP_SECONDS = 2;
const READ_CONNECTIONS = 32;
/** What a visitor's browser sends with a page request (the crowd takes gzip). */
const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "en-US,en;q=0.9",
};

export interface BenchServer {
  base: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

async function waitUntilReady(base: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error("timed out waiting for the server");
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `node <script>` (production mode, web and worker) on a database, answering on a free port. */
export async function startBenchServer(options: {
  databaseUrl: string;
  dataDir: string;
  script?: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? "server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: base,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      SESSION_SECRET: "b".repeat(40),
      IP_HASH_SECRET: "c".repeat(20),
      TRANSPARENCY_SIGNING_KEY: "YmVuY2gtdHJhbnNwYXJlbmN5LWtleS0zMi1ieXRlcyE=",
      ORG_POSTAL_ADDRESS: "PO Box 1, Bench, VT 05401",
      RATE_LIMIT_ALLOW: "127.0.0.1,::1",
      DATA_IMPORT_DIR: path.resolve("data/congress"),
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitUntilReady(base, child);
  return {
    base,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

export interface ReadFigure {
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests a second of every round, in order; the figure is the median round. */
  rounds: number[];
}

async function run(base: string, urlPath: string, seconds: number) {
  const r = await autocannon({
    url: `${base}${urlPath}`,
    connections: READ_CONNECTIONS,
    duration: seconds,
    headers: BROWSER_HEADERS,
  });
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Each path on each server: a warm-up, then READ_ROUNDS rounds in which every server takes a
 * turn (the order alternating from round to round); the median round per server and path.
 */
export async function compareReads(
  servers: Record<string, string>,
  paths: string[],
  log: (m: string) => void,
): Promise<Record<string, ReadFigure[]>> {
  const labels = Object.keys(servers);
  const figures: Record<string, ReadFigure[]> = Object.fromEntries(labels.map((l) => [l, []]));
  for (const urlPath of paths) {
    for (const label of labels) await run(servers[label], urlPath, WARMUP_SECONDS);
    const runs: Record<string, Awaited<ReturnType<typeof run>>[]> = Object.fromEntries(
      labels.map((l) => [l, []]),
    );
    for (let round = 0; round < READ_ROUNDS; round++) {
      const order = round % 2 === 0 ? labels : [...labels].reverse();
      for (const label of order) runs[label].push(await run(servers[label], urlPath, READ_SECONDS));
    }
    for (const label of labels) {
      const sorted = [...runs[label]].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      const median = sorted[Math.floor(sorted.length / 2)];
      figures[label].push({
        path: urlPath,
        ...median,
        non2xx: runs[label].reduce((s, r) => s + r.non2xx, 0),
        errors: runs[label].reduce((s, r) => s + r.errors, 0),
        rounds: runs[label].map((r) => r.requestsPerSecond),
      });
    }
    log(
      `${urlPath}: ${labels.map((l) => `${l} ${figures[l].at(-1)?.requestsPerSecond}/s (rounds ${runs[l].map((r) => r.requestsPerSecond).join(", ")})`).join(" · ")}`,
    );
  }
  return figures;
}
