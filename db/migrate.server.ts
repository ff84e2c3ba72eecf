import { Migrator } from "kysely/migration";
import { Logger, runMigrations as runWorkerMigrations } from "graphile-worker";
import pg from "pg";
import { isStopping, type DB } from "./index.server";
import { migrations } from "./migrations";

/** Applies the app's migrations and graphile-worker's schema. Safe to run on every start. */
export async function migrateToLatest(db: DB, connectionString: string): Promise<string[]> {
  // Areas are developed in parallel and may land out of timestamp order on a running install.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  const failed = (results ?? []).find((r) => r.status === "Error");
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Our own pool, ended and awaited here: graphile-worker ends its own pool without waiting, so
  // a short command (npm run db:migrate) could stop PostgreSQL under a closing connection.
  const workerPool = new pg.Pool({ connectionString, max: 1 });
  workerPool.on("error", () => undefined);
  workerPool.on("connect", (client) => client.on("error", () => undefined));
  try {
    await runWorkerMigrations({ pgPool: workerPool, logger: quietWorkerLogger });
  } finally {
    await workerPool.end();
  }
  return applied;
}

export const quietWorkerLogger = new Logger(() => (level, message) => {
  if ((level === "error" || level === "warning") && !isStopping()) console.error(`[worker] ${message}`);
});
