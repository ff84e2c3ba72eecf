import pg from "pg";
import { inject } from "vitest";
import { createDb, databaseUrl, pool } from "~db/index.server";
import { isDatabaseUnavailable } from "~db/unavailable";

/*
 * Issue 10 item 1 at the pool: a client that is checked out (between two queries of a
 * transaction) when PostgreSQL ends its connection must not emit an unhandled `error` (which
 * ended the process); the query using it fails with a database-unavailable error, and the
 * pool serves the next query on a new connection.
 */

async function terminate(pid: number) {
  const admin = new pg.Client({ connectionString: inject("adminUrl") });
  await admin.connect();
  try {
    await admin.query("select pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
}

describe("lost database connections", () => {
  it("a checked-out client whose connection is terminated fails its next query, not the process; the pool recovers", async () => {
    const unhandled: unknown[] = [];
    const onUncaught = (e: unknown) => unhandled.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const client = await pool().connect();
      await client.query("begin");
      const pid = (await client.query("select pg_backend_pid() as pid")).rows[0].pid as number;
      await terminate(pid);
      await new Promise((r) => setTimeout(r, 300)); // the FATAL message arrives while nobody is querying
      const failure = await client.query("select 1").then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).not.toBeNull();
      expect(isDatabaseUnavailable(failure)).toBe(true);
      client.release(failure as Error);
      const again = await pool().query("select 1 as ok");
      expect(again.rows).toEqual([{ ok: 1 }]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });

  it("the pool is bounded: with every connection taken, a query waits at most the connection timeout, then fails as unavailable", async () => {
    const small = createDb(databaseUrl(), { max: 1, connectionTimeoutMillis: 300 });
    try {
      const held = await small.pool.connect();
      const started = Date.now();
      const failure = await small.pool.query("select 1").then(
        () => null,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      held.release();
      expect((await small.pool.query("select 1 as ok")).rows).toEqual([{ ok: 1 }]);
    } finally {
      await small.db.destroy();
    }
  });

  it("statement and idle-in-transaction timeouts are set on every connection and end what exceeds them", async () => {
    const limited = createDb(databaseUrl(), {
      max: 2,
      statementTimeoutMillis: 200,
      idleInTransactionTimeoutMillis: 300,
    });
    try {
      const settings = await limited.pool.query(
        "select current_setting('statement_timeout') as st, current_setting('idle_in_transaction_session_timeout') as it",
      );
      expect(settings.rows[0]).toEqual({ st: "200ms", it: "300ms" });
      const slow = await limited.pool.query("select pg_sleep(2)").then(
        () => null,
        (e: unknown) => e,
      );
      expect((slow as { code?: string }).code).toBe("57014");
      expect(isDatabaseUnavailable(slow)).toBe(true);
      const client = await limited.pool.connect();
      await client.query("begin");
      await new Promise((r) => setTimeout(r, 800));
      const ended = await client.query("select 1").then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(ended)).toBe(true);
      client.release(ended as Error);
      expect((await limited.pool.query("select 1 as ok")).rows).toEqual([{ ok: 1 }]);
    } finally {
      await limited.db.destroy();
    }
  });
});
