import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "~/env.server";

/**
 * One key per purpose, derived from SESSION_SECRET with HKDF-SHA256 and the purpose as label,
 * so no two features share a key and none uses the secret itself. During a rotation
 * SESSION_SECRET_PREVIOUS is still accepted: `signingKey` always uses the current secret,
 * `verificationKeys` lists the current one first, then the previous one.
 */
export type KeyPurpose =
  | "session-cookie"
  | "known-device"
  | "unsubscribe-link"
  | "signature-confirmation"
  | "stripe-dev-webhook"
  | "transparency-checkpoint"
  | "erased-address"
  | "call-report"
  | "caller";

const cache = new Map<string, Buffer>();

function derive(secret: string, purpose: KeyPurpose): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "bring-them-home/v1", purpose, 32));
    cache.set(id, key);
  }
  return key;
}

function secrets(): string[] {
  const config = env();
  return [config.SESSION_SECRET, config.SESSION_SECRET_PREVIOUS].filter(
    (s): s is string => typeof s === "string" && s.length > 0,
  );
}

/** The key new signatures are made with. */
export function signingKey(purpose: KeyPurpose): Buffer {
  return derive(env().SESSION_SECRET, purpose);
}

/** The keys a signature may have been made with: current secret first, then the previous one. */
export function verificationKeys(purpose: KeyPurpose): Buffer[] {
  return secrets().map((secret) => derive(secret, purpose));
}

/** The raw secrets, for formats that predate derived keys (kept only to verify old links and cookies). */
export function legacySecrets(): string[] {
  return secrets();
}

export function hmac(key: Buffer | string, message: string): Buffer {
  return createHmac("sha256", key).update(message).digest();
}

/** Constant-time comparison of two strings (false when the lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new random bearer token (256 bits, base64url). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * How every bearer token (session, password reset, invitation, signature confirmation) is
 * stored: its SHA-256, so a copy of the database opens nothing.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
