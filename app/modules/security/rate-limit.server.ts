import { sql } from "kysely";
import { z } from "zod";
import { db, type Executor } from "~db/index.server";
import { env } from "~/env.server";
import { defineSetting, getSetting, type SettingDefinition } from "~/modules/settings/settings.server";
import { isAllowListed } from "./client-ip.server";
import { hashIp } from "./ip-hash.server";

export const rateLimitSchema = z.object({
  max: z.number().int().min(1).max(100_000),
  windowSeconds: z
    .number()
    .int()
    .min(1)
    .max(86_400 * 7),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

/** A limit stored as a setting (so organizers can change it without a deploy). */
export function defineRateLimit(
  key: string,
  label: string,
  defaultValue: RateLimit,
): SettingDefinition<RateLimit> {
  return defineSetting({ key: `rate-limit.${key}`, label, schema: rateLimitSchema, defaultValue });
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one hit for (bucket, hashIp(ip)) in a fixed window and says whether it is within the
 * limit. IPs on RATE_LIMIT_ALLOW (loopback in development only, by default) are never limited;
 * IPv6 addresses count by their /64 (hashIp groups them).
 */
export async function hitRateLimit(
  definition: SettingDefinition<RateLimit>,
  ip: string,
  executor: Executor = db(),
): Promise<RateLimitResult> {
  const limit = await getSetting(definition, executor);
  if (isAllowListed(ip, env().RATE_LIMIT_ALLOW)) return { ok: true, remaining: limit.max };
  return countHit(definition.key, hashIp(ip), limit, executor);
}

/** One round trip: an upsert that returns the window's count; old windows of the same key are removed on the way. */
async function countHit(
  bucket: string,
  key: string,
  limit: RateLimit,
  executor: Executor,
): Promise<RateLimitResult> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const windowStart = new Date((nowSeconds - (nowSeconds % limit.windowSeconds)) * 1000);
  const row = await executor
    .insertInto("rateLimitHits")
    .values({ bucket, key, windowStart })
    .onConflict((oc) =>
      oc.columns(["bucket", "key", "windowStart"]).doUpdateSet({ hits: sql`rate_limit_hits.hits + 1` }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  if (row.hits === 1) {
    await executor
      .deleteFrom("rateLimitHits")
      .where("bucket", "=", bucket)
      .where("key", "=", key)
      .where("windowStart", "<", windowStart)
      .execute();
  }
  if (row.hits > limit.max)
    return { ok: false, retryAfterSeconds: limit.windowSeconds - (nowSeconds % limit.windowSeconds) };
  return { ok: true, remaining: limit.max - row.hits };
}
