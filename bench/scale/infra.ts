/**
 * The pieces of the scale-out run (npm run bench:scale): Debian's PgBouncer in transaction mode
 * and HAProxy, installed with apt-get when missing, and the app's processes (`node server.js web`
 * and `node server.js worker`). Each is a child process stopped by its own pid.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (m: string) => console.log(`[scale] ${m}`);

function onPath(binary: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${binary} || test -x /usr/sbin/${binary}`]).status === 0;
}

/** Installs Debian's haproxy and pgbouncer if they are not there yet (needs root, as in CI). */
export function ensurePackages(): void {
  const missing = ["haproxy", "pgbouncer"].filter((b) => !onPath(b));
  if (!missing.length) return;
  log(`installing ${missing.join(", ")} with apt-get`);
  let r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], {
    stdio: "inherit",
  });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { stdio: "inherit" });
  }
  if (r.status !== 0) throw new Error(`apt-get could not install ${missing.join(", ")}`);
}

export interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  alive: () => boolean;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

export function startProc(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): Proc {
  const child = spawn(command, args, { env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (c: Buffer) => {
    output += c;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    output: () => output,
    alive,
    kill: async (signal) => {
      if (!alive()) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, proc?: Proc) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (proc && !proc.alive()) throw new Error(`${proc.name} exited:\n${proc.output().slice(-4000)}`);
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${proc?.output().slice(-4000) ?? ""}`);
    await sleep(200);
  }
}

/**
 * PgBouncer in transaction mode in front of `databaseUrl`. Clients may send any user (auth_type
 * any; it listens on loopback only); node-postgres's startup settings are ignored and set per
 * server connection instead, as a transaction-mode pooler requires.
 */
export function startPgBouncer(dir: string, databaseUrl: string, port: number, poolSize: number): Proc {
  const u = new URL(databaseUrl);
  const ini = path.join(dir, "pgbouncer.ini");
  writeFileSync(
    ini,
    `[databases]
app = host=${u.hostname} port=${u.port} dbname=${u.pathname.slice(1)} user=${decodeURIComponent(u.username)} password=${decodeURIComponent(u.password)} pool_size=${poolSize}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = any
pool_mode = transaction
max_client_conn = 1000
default_pool_size = ${poolSize}
ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout
server_reset_query =
log_connections = 0
log_disconnections = 0
`,
  );
  chmodSync(dir, 0o755);
  chmodSync(ini, 0o644);
  // PgBouncer refuses to run as root.
  const asUser = process.getuid?.() === 0 ? ["-u", "nobody"] : [];
  return startProc("pgbouncer", "/usr/sbin/pgbouncer", [...asUser, ini]);
}

export function pgBouncerUrl(port: number): string {
  return `postgres://app:app@127.0.0.1:${port}/app`;
}

/** HAProxy in front of the web processes: health checks on /healthz, retries only before a request is sent. */
export function startHaproxy(dir: string, port: number, webPorts: number[]): Proc {
  const cfg = path.join(dir, "haproxy.cfg");
  writeFileSync(
    cfg,
    `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout check 3s
  option forwardfor
  option redispatch
  retries 3
  retry-on conn-failure

frontend www
  bind 127.0.0.1:${port}
  default_backend web

backend web
  balance roundrobin
  option httpchk
  http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
  http-reuse safe
${webPorts.map((p, i) => `  server web${i + 1} 127.0.0.1:${p} check inter 1s fall 3 rise 2 maxconn 256`).join("\n")}
`,
  );
  return startProc("haproxy", "/usr/sbin/haproxy", ["-db", "-f", cfg]);
}
