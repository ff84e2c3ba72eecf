import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

// int8 (bigint) counts and sums come back as strings by default; they stay well within 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// date columns stay as YYYY-MM-DD text (no time zone shift), as the schema types say.
pg.types.setTypeParser(1082, (v) => v);
// numeric is parsed as a number as well (money is stored as integer cents, never numeric).
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export type DB = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A query function's first argument: the database or a transaction. */
export type Executor = DB | Trx;

let current: { db: DB; pool: pg.Pool; url: string } | undefined;
// Set when the process is stopping: a terminal's Ctrl-C also stops PostgreSQL, whose dropped
// connections are then expected, not news.
let stopping = false;

export function expectDisconnect() {
  stopping = true;
}

export function isStopping(): boolean {
  return stopping;
}

export function createDb(url: string, max = 10): { db: DB; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on("error", (error) => {
    if (!stopping) process.stderr.write(`[db] idle client error: ${error.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, pool };
}

/** Points the process at a database. Called once at boot (or per test file). */
export function connectDatabase(url: string, max?: number): DB {
  if (current?.url === url) return current.db;
  // Switching databases (tests do): the previous pool is closed, not left to be dropped under.
  void current?.db.destroy().catch(() => undefined);
  const created = createDb(url, max);
  current = { ...created, url };
  return current.db;
}

/** The process's database. */
export function db(): DB {
  if (!current) throw new Error("The database is not connected: call connectDatabase() at boot.");
  return current.db;
}

/** The raw pool, for the few hot paths that bypass the query builder. */
export function pool(): pg.Pool {
  if (!current) throw new Error("The database is not connected: call connectDatabase() at boot.");
  return current.pool;
}

export function databaseUrl(): string {
  if (!current) throw new Error("The database is not connected.");
  return current.url;
}

export async function closeDatabase(): Promise<void> {
  const c = current;
  current = undefined;
  if (c) await c.db.destroy();
}
