import path from "node:path";
import { connectDatabase, closeDatabase, createDb, type PoolSettings } from "./index.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded.server";
import { migrateToLatest } from "./migrate.server";

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  applied: string[];
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in `<dataDir>/pg` when it is
 * unset; then applies migrations.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
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
  try {
    connectDatabase(url, { ...options.pool, ...(options.poolSize ? { max: options.poolSize } : {}) });
    // Migrations get a connection of their own without the statement timeout: rewriting a big
    // table may take longer than any request should.
    const migrator = createDb(url, { max: 2, statementTimeoutMillis: 0, idleInTransactionTimeoutMillis: 0 });
    const applied = await migrateToLatest(migrator.db, url).finally(() => migrator.db.destroy());
    if (applied.length) options.log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await closeDatabase();
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    embedded: Boolean(embedded),
    applied: [],
    async close() {
      await closeDatabase();
      await embedded?.stop();
    },
  };
}
