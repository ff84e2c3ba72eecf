import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/**
 * Adds `n` hits to each key's current window in one statement and returns each key's total.
 * Keys must be unique (the caller groups them). Older windows of keys new to this window go.
 */
export async function addHits(
  db: Executor,
  bucket: string,
  windowStart: Date,
  hits: Array<{ key: string; n: number }>,
): Promise<Map<string, number>> {
  if (!hits.length) return new Map();
  const r = await sql<{ key: string; hits: number }>`
    insert into rate_limit_hits (bucket, key, window_start, hits)
    select ${bucket}, t.key, ${windowStart}, t.n from unnest(${hits.map((h) => h.key)}::text[], ${hits.map((h) => h.n)}::int[]) as t(key, n)
    on conflict (bucket, key, window_start) do update set hits = rate_limit_hits.hits + excluded.hits
    returning key, hits`.execute(db);
  const totals = new Map(r.rows.map((row) => [row.key, row.hits]));
  const fresh = hits.filter((h) => totals.get(h.key) === h.n).map((h) => h.key);
  if (fresh.length) {
    await sql`delete from rate_limit_hits where bucket = ${bucket} and key = any(${fresh}::text[]) and window_start < ${windowStart}`.execute(
      db,
    );
  }
  return totals;
}
