import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { freePort } from "../../db/embedded.server";
import { E2E_SESSION_SECRET } from "./urls";
import { CONGRESS_SNAPSHOT } from "./congress-snapshot";
import type { FakeCwc } from "./fake-cwc";

export interface ExtraServer {
  baseUrl: string;
  port: number;
  pid: number;
  uploadDir: string;
  output: () => string;
  alive: () => boolean;
  /**
   * Open file descriptors of the server process: all of them, those pointing into its upload
   * folder, and the connections clients opened to it (its own database connections aside).
   */
  openFiles: () => { total: number; uploads: number; clientConnections: number };
  stop: () => Promise<void>;
}

/**
 * A second built server (`node server.js`, no worker) on the end-to-end database, with its own
 * upload folder and settings, for tests that need to watch or break the process itself.
 * `fileSizeLimitKb` runs it under `ulimit -f`: writing past that size fails with EFBIG, as on
 * a full disk.
 */
export async function startExtraServer(
  options: { env?: Record<string, string>; fileSizeLimitKb?: number; command?: "serve" | "web" } = {},
): Promise<ExtraServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "unreturned-extra-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: inject("serverDatabaseUrl"),
    DATA_DIR: dataDir,
    DATA_IMPORT_DIR: process.env.DATA_IMPORT_DIR ?? CONGRESS_SNAPSHOT,
    LOG_LEVEL: "warn",
    SESSION_SECRET: E2E_SESSION_SECRET,
    WORKER: "false",
    ...options.env,
  };
  const child: ChildProcess = options.fileSizeLimitKb
    ? spawn("bash", ["-c", `ulimit -f ${options.fileSizeLimitKb} && exec "$0" server.js`, process.execPath], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(process.execPath, ["server.js", ...(options.command ? [options.command] : [])], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the extra server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the extra server did not become ready:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  const uploadDir = path.join(dataDir, "uploads");
  const pid = child.pid!;
  return {
    baseUrl,
    port,
    pid,
    uploadDir,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    openFiles: () => {
      const fds = readdirSync(`/proc/${pid}/fd`);
      const accepted = acceptedSockets(port);
      let uploads = 0;
      let clientConnections = 0;
      for (const fd of fds) {
        try {
          const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
          if (target.startsWith(uploadDir)) uploads += 1;
          if (accepted.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? "")) clientConnections += 1;
        } catch {
          // closed while we looked
        }
      }
      return { total: fds.length, uploads, clientConnections };
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The inodes of TCP sockets on `port` that are connections, not the listening socket. */
function acceptedSockets(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = Number.parseInt(cols[1].split(":")[1], 16);
      if (localPort === port && cols[3] !== "0A") inodes.add(cols[9]); // 0A: listening
    }
  }
  return inodes;
}

/** A built server with its worker on `databaseUrl`, delivering to the test CWC server; `env` adds settings (e.g. CLOCK_AT). */
export function startCwcServer(
  databaseUrl: string,
  fake: FakeCwc,
  env: Record<string, string> = {},
): Promise<ExtraServer> {
  return startExtraServer({ env: { DATABASE_URL: databaseUrl, WORKER: "true", ...fake.settings(), ...env } });
}
