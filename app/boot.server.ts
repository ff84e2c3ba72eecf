import type { Server } from "node:http";
import { answerClientError } from "~/lib/express-http.server";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase, type OpenedDatabase } from "~db/connect.server";
import { withBootLock } from "~db/boot-lock.server";
import { db, expectDisconnect } from "~db/index.server";
import { isDatabaseUnavailable } from "~db/unavailable";
import { runSeed, seedIfEmpty } from "~db/seed/seed.server";
import { appUrl, env, EnvError, overrideEnv, poolSettings } from "~/env.server";
import { createApp } from "~/http.server";
import { startWorker, type WorkerHandle } from "~/jobs/worker.server";
import { log } from "~/lib/log.server";
import {
  ensureCongressData,
  importCongressData,
  importCurrentCongressData,
} from "~/modules/legislators/import.server";
import { countOrganizers } from "~/modules/organizers/organizers.server";
import { createOrganizerFromCli } from "~/modules/organizers/cli.server";
import { writePacketToStdout } from "~/modules/letters/packet-process.server";

const USAGE = `Usage: node server.js [serve | web | worker | migrate | seed | data:import [folder] | organizer:create --email E --name N --role owner|editor|viewer [--password-stdin] | letters:packet --campaign ID --office KEY --format pdf|csv]`;

/**
 * What a long-running process does: `web` answers HTTP and runs no jobs, `worker` runs the jobs
 * and answers no HTTP, `serve` (the default, `npm start`) does both (the worker unless WORKER=false).
 */
const PROCESS_KINDS = {
  serve: { web: true, worker: true },
  web: { web: true, worker: false },
  worker: { web: false, worker: true },
} as const;
type ProcessKind = keyof typeof PROCESS_KINDS;

function isProcessKind(command: string): command is ProcessKind {
  return Object.hasOwn(PROCESS_KINDS, command);
}

/** The process entry: `node server.js <command>` calls this with the Remix build. */
export async function main(build: ServerBuild, argv: string[]): Promise<void> {
  const [command = "serve"] = argv;
  if (!isProcessKind(command)) return runTask(argv);
  const database = await boot(command);
  return serve(build, database, command);
}

/**
 * A command-line task (migrate, seed, data:import, organizer:create, letters:packet) does only
 * its own work: no Remix build is needed, so `scripts/cli.ts` runs it straight from the sources.
 */
export async function runTask(argv: string[]): Promise<void> {
  const [command = "", ...args] = argv;
  const database = await boot(command);
  try {
    if (command === "seed") {
      const result = await runSeed(db());
      log.info(`Seed: ${result.created} created, ${result.unchanged} already present.`);
    } else if (command === "data:import") {
      const report = args[0]
        ? await importCongressData(db(), { folder: args[0] })
        : await importCurrentCongressData(db(), (m) => log.warn(m));
      log.info(report.summary);
    } else if (command === "organizer:create") {
      await createOrganizerFromCli(db(), args);
    } else if (command === "letters:packet") {
      await writePacketToStdout(args);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** Checks the settings and the command, then opens (and migrates) the database. */
async function boot(command: string): Promise<OpenedDatabase> {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (
    ![
      "serve",
      "web",
      "worker",
      "migrate",
      "seed",
      "data:import",
      "organizer:create",
      "letters:packet",
    ].includes(command)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const longRunning = isProcessKind(command);
  if (config.generated.length && longRunning) {
    log.warn(
      `Development defaults generated for ${config.generated.join(", ")} (set them in production; sessions end when the process restarts).`,
    );
  }
  const pool = longRunning
    ? poolSettings(config)
    : { ...poolSettings(config), max: command === "letters:packet" ? config.PACKET_DB_CONNECTIONS : 4 };
  // A worker process talks to PostgreSQL itself for everything; web processes and tasks use
  // DATABASE_URL (PgBouncer in transaction mode, when there is one).
  return openDatabase({
    databaseUrl:
      command === "worker" ? (config.DATABASE_DIRECT_URL ?? config.DATABASE_URL) : config.DATABASE_URL,
    directUrl: config.DATABASE_DIRECT_URL,
    dataDir: config.DATA_DIR,
    log: (m) => log.info(m),
    pool,
  });
}

async function serve(build: ServerBuild, database: OpenedDatabase, kind: ProcessKind) {
  const config = env();
  const runs = PROCESS_KINDS[kind];
  let worker: WorkerHandle | undefined;
  let server: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    expectDisconnect();
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => {
      log.error("Shutdown took longer than 15 s; exiting anyway.");
      process.exit(1);
    }, 15_000);
    force.unref();
    if (server) {
      server.closeIdleConnections?.();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    await worker?.stop().catch(() => undefined);
    await database.close().catch((error) => log.warn(`Closing the database: ${String(error)}`));
    log.info("Stopped.");
    process.exit(exitCode);
  };
  // A last line of defence: a library that forgets to catch a lost database connection must
  // not end the process (the request or job that used it has failed already). Anything else
  // still ends it, as Node does by default.
  process.on("unhandledRejection", (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    if (!stopping)
      log.warn("database unavailable (unhandled in a library)", {
        error: reason instanceof Error ? reason.message : String(reason),
      });
  });
  // Registered first: a Ctrl-C during start-up still stops PostgreSQL.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await withBootLock(database.directUrl, async () => {
    await seedIfEmpty(db(), (m) => log.info(m));
    await ensureCongressData(
      db(),
      (m) => log.info(m),
      (m) => log.warn(m),
    );
  });
  if (runs.worker && (kind === "worker" || config.WORKER))
    worker = await startWorker(database.directUrl, config.WORKER_CONCURRENCY, poolSettings(config));
  if (stopping) return;
  if (!runs.web) {
    log.info(`Ready: worker process (${config.WORKER_CONCURRENCY} at a time), no HTTP.`);
    return;
  }

  const app = createApp(build);
  // A port that cannot be taken (another server on it) ends the process with a readable message,
  // after stopping the worker and the embedded PostgreSQL it started: nothing is left running.
  const listening = await new Promise<Server | null>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.on("clientError", answerClientError);
    s.once("error", (error: NodeJS.ErrnoException) => {
      log.error(
        error.code === "EADDRINUSE"
          ? `Port ${config.PORT} is already in use (is another server running?). Stop it, or set PORT to another port.`
          : `Could not listen on ${config.HOST}:${config.PORT}: ${error.message}`,
      );
      resolve(null);
    });
  });
  if (!listening) return void (await shutdown("could not listen", 1));
  server = listening;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  if (!config.APP_URL) overrideEnv({ PORT: port });
  if ((await countOrganizers(db())) === 0) {
    log.info(
      `No organizer account exists yet. Create the first one with:\n  npm run organizer:create -- --email you@example.org --name "Your Name" --role owner`,
    );
  }
  log.info(
    `Ready: ${appUrl()} (worker ${worker ? "running" : "off"}, database ${database.embedded ? "embedded" : "DATABASE_URL"})`,
  );
}
