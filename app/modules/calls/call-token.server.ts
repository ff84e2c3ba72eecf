import {
  hmac,
  randomToken,
  safeEqual,
  signingKey,
  verificationKeys,
} from "~/modules/security/secrets.server";

/** How long a call list's reporting token stays good. */
const TOKEN_HOURS = 24;
/** How long the caller value on a delivery page's call link stays good. */
const CALLER_HOURS = 24;

const mac = (purpose: "call-report" | "caller", body: string) =>
  hmac(signingKey(purpose), body).toString("base64url");
const verifies = (purpose: "call-report" | "caller", body: string, tag: string) =>
  verificationKeys(purpose).some((k) => safeEqual(hmac(k, body).toString("base64url"), tag));

/**
 * One token per view of a call list: `nonce.issuedAt.campaignId[.supporterId].mac`. Nothing is
 * stored when a list is shown; a report is counted once per (nonce, office) by a unique index, so
 * replaying a report adds nothing, and a forged or stale token is refused. The supporter id is
 * there only when the list was opened from the supporter's own delivery page (a valid caller value).
 */
export function issueCallToken(campaignId: number, supporterId: number | null = null, now = Date.now()) {
  const body = `${randomToken(16)}.${Math.floor(now / 1000)}.${campaignId}${supporterId ? `.${supporterId}` : ""}`;
  return `${body}.${mac("call-report", body)}`;
}

/** The token's nonce (and caller) when it is ours, for this campaign, and fresh; otherwise null. */
export function checkCallToken(
  token: string,
  campaignId: number,
  now = Date.now(),
): { nonce: string; supporterId: number | null } | null {
  const m = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.(\d{1,15})(?:\.(\d{1,15}))?\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const body = `${m[1]}.${m[2]}.${m[3]}${m[4] ? `.${m[4]}` : ""}`;
  if (!verifies("call-report", body, m[5])) return null;
  if (Number(m[3]) !== campaignId) return null;
  const age = now / 1000 - Number(m[2]);
  if (age < -60 || age > TOKEN_HOURS * 3600) return null;
  return { nonce: m[1], supporterId: m[4] ? Number(m[4]) : null };
}

/**
 * The caller value a delivery page puts on its link to the call tool: `supporterId.expiresAt.mac`,
 * signed with its own key. It names the supporter for a day and opens nothing (no letter token, no
 * data); a leaked copy can at most attribute a call report to that supporter until it expires.
 */
export function issueCallerValue(supporterId: number, now = Date.now()): string {
  const body = `${supporterId}.${Math.floor(now / 1000) + CALLER_HOURS * 3600}`;
  return `${body}.${mac("caller", body)}`;
}

/** The supporter a caller value names when it is ours and unexpired; otherwise null (an anonymous caller). */
export function checkCallerValue(value: string | null | undefined, now = Date.now()): number | null {
  const m = /^(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!m || !verifies("caller", `${m[1]}.${m[2]}`, m[3])) return null;
  if (Number(m[2]) < now / 1000) return null;
  return Number(m[1]) || null;
}
