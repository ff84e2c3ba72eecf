/**
 * The client's address: the socket's, or the nth address from the right of X-Forwarded-For
 * when TRUST_PROXY says how many proxies stand in front of us.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | null | undefined, trustProxy: number): string {
  const socket = socketAddress ?? "0.0.0.0";
  if (!trustProxy || !forwardedFor) return socket;
  const chain = forwardedFor.split(",").map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - trustProxy] ?? chain[0] ?? socket;
}

export function isAllowListed(ip: string, allowList: string): boolean {
  return allowList.split(",").map((s) => s.trim()).includes(ip);
}
