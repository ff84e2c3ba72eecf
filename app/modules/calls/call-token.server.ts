import {
  hmac,
  randomToken,
  safeEqual,
  signingKey,
  verificationKeys,
} from "~/modules/security/secrets.server";

/** How long a call list's reporting token stays good. */
const TOKEN_HOURS = 24;

/**
 * One token per view of a call list: `nonce.issuedAt.campaignId.mac`. Nothing is stored when a
 * list is shown; a report is counted once per (nonce, office) by a unique index, so replaying a
 * report adds nothing, and a forged or stale token is refused.
 */
export function issueCallToken(campaignId: number, now = Date.now()): string {
  const body = `${randomToken(16)}.${Math.floor(now / 1000)}.${campaignId}`;
  return `${body}.${hmac(signingKey("call-report"), body).toString("base64url")}`;
}

/** The token's nonce when it is ours, for this campaign, and fresh; otherwise null. */
export function checkCallToken(token: string, campaignId: number, now = Date.now()): string | null {
  const m = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const body = `${m[1]}.${m[2]}.${m[3]}`;
  if (!verificationKeys("call-report").some((k) => safeEqual(hmac(k, body).toString("base64url"), m[4])))
    return null;
  if (Number(m[3]) !== campaignId) return null;
  const age = now / 1000 - Number(m[2]);
  if (age < -60 || age > TOKEN_HOURS * 3600) return null;
  return m[1];
}
