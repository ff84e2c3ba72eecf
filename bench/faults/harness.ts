import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "~db/embedded.server";

/** Shared pieces of the fault runs: a PostgreSQL the run controls, the built server, a signing load. */

export const log = (m: string) => console.log(`[faults] ${m}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const SIGN_SLUG = "dpaa-director";

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** An embedded PostgreSQL on a fixed port in a folder of its own, which the run may stop and start. */
export class ControlledPostgres {
  private server: EmbeddedDatabase | undefined;
  readonly dir = mkdtempSync(path.join(tmpdir(), "bench-faults-"));
  port = 0;
  url = "";

  async start() {
    chmodSync(this.dir, 0o755);
    this.port ||= await freePort();
    this.server = await startEmbeddedPostgres({ dataDir: this.dir, persistent: true, port: this.port });
    this.url = this.server.url;
  }
  async stop() {
    await this.server?.stop();
    this.server = undefined;
  }
  async dispose() {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
  /** A client that survives the server going away (errors are expected in a fault run). */
  async client(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: this.url });
    c.on("error", () => undefined);
    await c.connect();
    return c;
  }
}

export interface RunningServer {
  base: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  alive: () => boolean;
  kill: () => void;
  stop: () => Promise<void>;
}

export function serverEnv(
  base: string,
  databaseUrl: string,
  dir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    APP_URL: base,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    SESSION_SECRET: "f".repeat(40),
    IP_HASH_SECRET: "g".repeat(20),
    TRANSPARENCY_SIGNING_KEY: "YmVuY2gtdHJhbnNwYXJlbmN5LWtleS0zMi1ieXRlcyE=",
    ORG_POSTAL_ADDRESS: "PO Box 1, Bench, VT 05401",
    DATA_IMPORT_DIR: path.resolve("data/congress"),
    // The load comes from loopback, which production does not exempt from abuse limits.
    RATE_LIMIT_ALLOW: "127.0.0.1,::1",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/** `node server.js` (web and worker) on a free port; waits for /readyz. */
export async function startServer(
  env: (base: string) => NodeJS.ProcessEnv,
  port?: number,
): Promise<RunningServer> {
  port ??= await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...env(base), PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (c: Buffer) => {
    output += c;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping)
      log(`the server exited by itself (${code ?? signal}); its last output:\n${output.slice(-4000)}`);
  });
  await waitFor(
    "the server",
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      return (await fetch(`${base}/readyz`)).ok ? true : undefined;
    },
    120_000,
  ).catch((e) => {
    child.kill("SIGKILL");
    throw new Error(`${e}\n${output.slice(-3000)}`);
  });
  return {
    base,
    port,
    child,
    output: () => output,
    kill() {
      stopping = true;
      child.kill("SIGKILL");
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** /healthz requests per second (the run's own baseline), 32 connections. */
export async function healthzBaseline(base: string, seconds = 3): Promise<number> {
  const r = await autocannon({ url: `${base}/healthz`, connections: 32, duration: seconds });
  return Math.round(r.requests.average);
}

export interface Answer {
  at: number;
  ms: number;
  status: number; // 0: no answer before the client's timeout or a socket error
  code?: string;
  retryAfter?: string | null;
  email?: string;
}

/** Runs `request` from `concurrency` loops until `until()` says stop; every answer is recorded. */
export async function load(
  request: (i: number) => Promise<Omit<Answer, "at" | "ms">>,
  concurrency: number,
  until: () => boolean,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!until()) {
        const at = Date.now();
        const a = await request(i++).catch(() => ({ status: 0 }));
        answers.push({ ...a, at, ms: Date.now() - at });
        if (a.status === 0) await sleep(50);
      }
    }),
  );
  return answers;
}

let runSeq = 0;
/** A signing request with a unique email; waits at most `timeoutMs` for the answer. */
export function signer(base: string, timeoutMs: number, slug = SIGN_SLUG) {
  const run = `${Date.now().toString(36)}${++runSeq}`;
  return async (i: number) => {
    const email = `f${run}-${i}@d${i % 5000}.example`;
    const res = await fetch(`${base}/api/v1/petitions/${slug}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ firstName: "Fault", lastName: "Run", email, zip: "05401" }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    return { status: res.status, code: body?.error?.code, retryAfter: res.headers.get("retry-after"), email };
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Counts of answers by status, with latency figures. */
export function summarize(answers: Answer[]) {
  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const ms = answers.map((a) => a.ms);
  return {
    requests: answers.length,
    byStatus,
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    maxMs: Math.max(0, ...ms),
  };
}

/** Every email answered 202 is stored, once. */
export async function checkStored(client: pg.Client, answers: Answer[]) {
  const accepted = answers.filter((a) => a.status === 202).map((a) => a.email!);
  const r = await client.query(
    "select count(*)::int as rows, count(distinct email_canonical)::int as distinct from signatures where email_canonical = any($1::text[])",
    [accepted],
  );
  return {
    accepted: accepted.length,
    storedRows: r.rows[0].rows as number,
    storedDistinct: r.rows[0].distinct as number,
    allStoredOnce: r.rows[0].rows === accepted.length && r.rows[0].distinct === accepted.length,
  };
}
