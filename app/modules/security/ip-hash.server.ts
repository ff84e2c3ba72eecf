import { createHmac } from "node:crypto";
import { env } from "~/env.server";

/**
 * IP addresses are never stored: only this keyed hash (HMAC-SHA-256 with IP_HASH_SECRET), so
 * abuse can be counted and blocked without keeping who the visitor was.
 */
export function hashIp(ip: string): string {
  return createHmac("sha256", env().IP_HASH_SECRET).update(ip).digest("base64url").slice(0, 22);
}
