import { isIPv4, isIPv6 } from "node:net";
import { log } from "~/lib/log.server";

/**
 * The client's address: the socket's, or the nth address from the right of X-Forwarded-For
 * when TRUST_PROXY says how many proxies stand in front of us. Without TRUST_PROXY the header is
 * ignored, and the first request that carries it logs a warning (once per process): behind an
 * untrusted proxy every visitor shares the proxy's address, so one visitor's limits are everyone's.
 */
export function clientIp(
  socketAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trustProxy: number,
): string {
  const socket = normaliseIp(socketAddress ?? "0.0.0.0");
  if (!forwardedFor) return socket;
  if (!trustProxy) {
    warnUntrustedProxy(socket);
    return socket;
  }
  const chain = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return normaliseIp(chain[chain.length - trustProxy] ?? chain[0] ?? socket);
}

let warned = false;
function warnUntrustedProxy(socket: string) {
  if (warned) return;
  warned = true;
  log.warn(
    `requests arrive through a proxy (${socket}) with X-Forwarded-For, but TRUST_PROXY=0: every visitor behind it counts as ${socket} for rate limits and sign-in throttling. Set TRUST_PROXY to the number of proxies in front of the app, or stop the proxy from adding the header.`,
  );
}

/** Lower-cased, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4, zone and brackets removed. */
export function normaliseIp(ip: string): string {
  let s = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (mapped) s = mapped[1];
  return s;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(ip: string): number[] | null {
  if (!isIPv6(ip)) return null;
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const part = (s: string | undefined) => (s ? s.split(":").map((h) => parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const fill = tail === undefined ? [] : new Array(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

/**
 * The unit abuse limits count: an IPv4 address, or an IPv6 address's /64 (one subscriber's
 * network hands out a whole /64, so counting single IPv6 addresses would limit nothing).
 */
export function ipLimitKey(ip: string): string {
  const s = normaliseIp(ip);
  if (isIPv4(s)) return s;
  const groups = ipv6Groups(s);
  if (!groups) return s;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** Whether an address is on an allow-list (comma-separated addresses; IPv4-mapped forms match). */
export function isAllowListed(ip: string, allowList: string): boolean {
  if (!allowList) return false;
  const s = normaliseIp(ip);
  return allowList
    .split(",")
    .map((a) => normaliseIp(a))
    .filter(Boolean)
    .includes(s);
}

/** At boot: says how client addresses are found, and warns when the set-up looks like an untrusted proxy. */
export function logClientIpPolicy(config: {
  TRUST_PROXY: number;
  RATE_LIMIT_ALLOW: string;
  HOST: string;
  isProduction: boolean;
}) {
  const allow = config.RATE_LIMIT_ALLOW || "none";
  log.info(
    `client IP: ${config.TRUST_PROXY ? `X-Forwarded-For, ${config.TRUST_PROXY} trusted proxy hop(s)` : "the socket address (TRUST_PROXY=0)"}; never rate-limited: ${allow}`,
  );
  if (config.isProduction && !config.TRUST_PROXY && /^(127\.|::1$|localhost$)/.test(config.HOST)) {
    log.warn(
      `HOST=${config.HOST} without TRUST_PROXY: if a proxy on this host forwards to the app, every visitor shares its address for rate limits. Set TRUST_PROXY=1.`,
    );
  }
}
