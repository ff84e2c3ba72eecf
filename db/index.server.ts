import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import { log } from "~/lib/log.server";
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

/**
 * How a pool is bounded: at most `max` connections; waiting for one (or for PostgreSQL to
 * accept one) gives up after `connectionTimeoutMillis`; PostgreSQL cancels a statement after
 * `statementTimeoutMillis` and ends a session idle inside a transaction after
 * `idleInTransactionTimeoutMillis` (0 switches a limit off). The process's values come from
 * app/env.server.ts (DB_*); these defaults are for tests and tools.
 */
export interface PoolSettings {
  max: number;
  connectionTimeoutMillis: number;
  statementTimeoutMillis: number;
  idleInTransactionTimeoutMillis: number;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  statementTimeoutMillis: 30_000,
  idleInTransactionTimeoutMillis: 60_000,
};

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

function reportConnectionError(kind: string, error: Error) {
  if (!stopping) log.warn(`[db] ${kind} connection error: ${error.message}`);
}

/**
 * A bounded pg pool whose clients can lose their connection without ending the process: pg-pool
 * listens for `error` only on idle clients, so a client that is checked out (between two queries
 * of a transaction, or in a cursor) when PostgreSQL drops it would emit an unhandled `error`.
 * Every client gets a listener of its own; the query that was using it fails, and the pool
 * discards the broken client and opens a new one on the next request.
 */
export function createPool(url: string, settings: Partial<PoolSettings> = {}): pg.Pool {
  const s = { ...DEFAULT_POOL_SETTINGS, ...settings };
  const pool = new pg.Pool({
    connectionString: url,
    max: s.max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: s.connectionTimeoutMillis,
    keepAlive: true,
    ...(s.statementTimeoutMillis > 0 ? { statement_timeout: s.statementTimeoutMillis } : {}),
    ...(s.idleInTransactionTimeoutMillis > 0
      ? { idle_in_transaction_session_timeout: s.idleInTransactionTimeoutMillis }
      : {}),
  });
  pool.on("error", (error) => reportConnectionError("idle client", error));
  pool.on("connect", (client) => client.on("error", (error) => reportConnectionError("client", error)));
  return pool;
}

export function createDb(
  url: string,
  settings: number | Partial<PoolSettings> = {},
): { db: DB; pool: pg.Pool } {
  const pool = createPool(url, typeof settings === "number" ? { max: settings } : settings);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, pool };
}

/** Points the process at a database. Called once at boot (or per test file). */
export function connectDatabase(url: string, settings?: number | Partial<PoolSettings>): DB {
  if (current?.url === url) return current.db;
  // Switching databases (tests do): the previous pool is closed, not left to be dropped under.
  void current?.db.destroy().catch(() => undefined);
  const created = createDb(url, settings);
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
