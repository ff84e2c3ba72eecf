import pg from "pg";

/**
 * Runs `work` while holding a session advisory lock on PostgreSQL itself (not through a
 * transaction-mode pooler, where a session lock would be lost between statements): the
 * first-start work of several processes starting at once (seed content, Congress data) is
 * done by one of them while the others wait, then find it done.
 */
export async function withBootLock<T>(directUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: directUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('unreturned.boot'))");
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
