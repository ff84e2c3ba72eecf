import path from "node:path";
import { connectDatabase, closeDatabase, createDb, type PoolSettings } from "./index.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded.server";
import { migrateToLatest } from "./migrate.server";

export interface OpenedDatabase {
  /** The URL of the process's pool (PgBouncer for web processes, when one is configured). */
  url: string;
  /** PostgreSQL itself: migrations, the worker, session advisory locks. */
  directUrl: string;
  embedded: boolean;
  applied: string[];
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in `<dataDir>/pg` when it is
 * unset; then applies migrations over `directUrl` (PostgreSQL itself, not a transaction-mode
 * pooler: the migrators take session locks), which defaults to the same URL.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  directUrl?: string;
  dataDir: string;
  log: (m: string) => void;
  poolSize?: number;
  pool?: Partial<PoolSettings>;
}): Promise<OpenedDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let url = options.databaseUrl;
  if (!url) {
    options.log(
      `DATABASE_URL is not set: using the embedded PostgreSQL (data in ${path.resolve(options.dataDir, "pg")})`,
    );
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir });
    url = embedded.url;
  }
  const directUrl = (embedded ? undefined : options.directUrl) ?? url;
  try {
    connectDatabase(url, { ...options.pool, ...(options.poolSize ? { max: options.poolSize } : {}) });
    // Migrations get a connection of their own without the statement timeout: rewriting a big
    // table may take longer than any request should.
    const migrator = createDb(directUrl, {
      max: 2,
      statementTimeoutMillis: 0,
      idleInTransactionTimeoutMillis: 0,
    });
    const applied = await migrateToLatest(migrator.db, directUrl).finally(() => migrator.db.destroy());
    if (applied.length) options.log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await closeDatabase();
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    directUrl,
    embedded: Boolean(embedded),
    applied: [],
    async close() {
      await closeDatabase();
      await embedded?.stop();
    },
  };
}
