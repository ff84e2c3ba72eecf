import { createHmac } from "node:crypto";
import { env } from "~/env.server";
import { ipLimitKey } from "./client-ip.server";

/**
 * IP addresses are never stored: only this keyed hash (HMAC-SHA-256 with IP_HASH_SECRET), so
 * abuse can be counted and blocked without keeping who the visitor was. IPv6 addresses are
 * hashed by their /64 (see ipLimitKey), so every limit and every stored hash groups them alike.
 */
export function hashIp(ip: string): string {
  return createHmac("sha256", env().IP_HASH_SECRET).update(ipLimitKey(ip)).digest("base64url").slice(0, 22);
}
