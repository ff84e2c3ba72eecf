import { db } from "~db/index.server";
import { appUrl } from "~/env.server";
import {
  hmac,
  legacySecrets,
  safeEqual,
  signingKey,
  verificationKeys,
} from "~/modules/security/secrets.server";
import type { UnsubscribeChoice } from "./mailings";
import {
  findCampaignTitle,
  findSupporterForUnsubscribe,
  hasCampaignOptOut,
  insertCampaignOptOut,
  listActiveConsents,
  withdrawConsents,
} from "./subscriptions.queries.server";

/**
 * Unsubscribe links are signed, not stored: `<supporterId>.<campaignId or 0>.<mac>`, the mac an
 * HMAC-SHA256 (first 128 bits) under the "unsubscribe-link" key derived from SESSION_SECRET.
 * They never expire (a link in a year-old email must still work) and name only the list the
 * mail came from. Links signed under SESSION_SECRET_PREVIOUS, and those made before keys were
 * derived with HKDF (key = HMAC(secret, "unsubscribe-link-key:v1")), are still accepted.
 */
const legacyKeys = new Map<string, Buffer>();
function legacyKey(secret: string): Buffer {
  let key = legacyKeys.get(secret);
  if (!key) {
    key = hmac(secret, "unsubscribe-link-key:v1");
    legacyKeys.set(secret, key);
  }
  return key;
}

function mac(key: Buffer, supporterId: number, campaignId: number): string {
  return hmac(key, `${supporterId}.${campaignId}`).subarray(0, 16).toString("base64url");
}

export function unsubscribeToken(supporterId: number, campaignId: number | null): string {
  const cid = campaignId ?? 0;
  return `${supporterId}.${cid}.${mac(signingKey("unsubscribe-link"), supporterId, cid)}`;
}

export interface UnsubscribeTarget {
  supporterId: number;
  /** The campaign the mail came from, or null for the everyone list. */
  campaignId: number | null;
}

/**
 * The mac is 16 bytes in canonical unpadded base64url: 22 characters, the last carrying only 2
 * bits, so it is one of A, Q, g, w. A lenient decoder would read the other 60 endings as the same
 * bytes (a malleable token); this one accepts exactly one spelling per mac.
 */
const TOKEN_PATTERN = /^([1-9][0-9]{0,15})\.(0|[1-9][0-9]{0,15})\.([A-Za-z0-9_-]{21}[AQgw])$/;

export function parseUnsubscribeToken(token: string): UnsubscribeTarget | null {
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return null;
  const supporterId = Number(m[1]);
  const campaignId = Number(m[2]);
  const keys = [...verificationKeys("unsubscribe-link"), ...legacySecrets().map(legacyKey)];
  if (!keys.some((key) => safeEqual(mac(key, supporterId, campaignId), m[3]))) return null;
  return { supporterId, campaignId: campaignId === 0 ? null : campaignId };
}

/** The page in the email footer. */
export function unsubscribeUrl(token: string): string {
  return `${appUrl()}/unsubscribe/${token}`;
}

/** The RFC 8058 one-click endpoint named in the List-Unsubscribe header. */
export function oneClickUrl(token: string): string {
  return `${appUrl()}/unsubscribe/${token}/one-click`;
}

function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, Math.min(6, local.length - 2)))}@${domain ?? ""}`;
}

/** What the unsubscribe page shows: a masked address, the campaign, and what is still active. */
export async function unsubscribePageData(target: UnsubscribeTarget) {
  const supporter = await findSupporterForUnsubscribe(db(), target.supporterId);
  if (!supporter) return null;
  const [campaign, consents, optedOut] = await Promise.all([
    target.campaignId ? findCampaignTitle(db(), target.campaignId) : undefined,
    listActiveConsents(db(), target.supporterId),
    target.campaignId ? hasCampaignOptOut(db(), target.supporterId, target.campaignId) : false,
  ]);
  const subscribedToAnything = consents.length > 0;
  return {
    email: maskEmail(supporter.email),
    campaign: campaign ?? null,
    subscribedToAnything,
    optedOutOfCampaign: optedOut,
  };
}

/**
 * Applies a choice: this campaign (withdraws its consents and records an opt-out, which also
 * holds against a subscription to everything) or everything (withdraws every consent). Running
 * it twice changes nothing more.
 */
export async function applyUnsubscribe(
  target: UnsubscribeTarget,
  choice: UnsubscribeChoice,
): Promise<{ withdrawn: number }> {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (choice === "campaign" && target.campaignId) {
        const withdrawn = await withdrawConsents(trx, target.supporterId, target.campaignId);
        await insertCampaignOptOut(trx, target.supporterId, target.campaignId);
        return { withdrawn };
      }
      return { withdrawn: await withdrawConsents(trx, target.supporterId, null) };
    });
}
