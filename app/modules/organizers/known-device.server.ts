import { createCookie } from "@remix-run/node";
import { env } from "~/env.server";
import {
  hmac,
  randomToken,
  safeEqual,
  signingKey,
  verificationKeys,
} from "~/modules/security/secrets.server";

/**
 * A browser that has signed in to an account before carries a long-lived, signed "known device"
 * cookie naming that account. It proves nothing alone (the password is still checked); it only
 * lets the right password through while the account is locked by failures from elsewhere.
 */
const DEVICE_DAYS = 400;

function deviceCookie() {
  const config = env();
  return createCookie(config.isProduction ? "__Host-device" : "device", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.isProduction,
    path: "/",
    maxAge: DEVICE_DAYS * 86_400,
  });
}

function mac(key: Buffer, organizerId: number, nonce: string): string {
  return hmac(key, `known-device:${organizerId}.${nonce}`).subarray(0, 18).toString("base64url");
}

export async function knownDeviceCookie(organizerId: number): Promise<string> {
  const nonce = randomToken(12);
  return deviceCookie().serialize(
    `${organizerId}.${nonce}.${mac(signingKey("known-device"), organizerId, nonce)}`,
  );
}

/** The organizer this browser has signed in as before, or null. */
export async function knownDeviceOrganizer(request: Request): Promise<number | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  if (typeof value !== "string") return null;
  const m = /^([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{24})$/.exec(value);
  if (!m) return null;
  const id = Number(m[1]);
  return verificationKeys("known-device").some((key) => safeEqual(mac(key, id, m[2]), m[3])) ? id : null;
}
