import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "~db/index.server";
import { appUrl } from "~/env.server";
import { DEFAULT_LOCALE, type Locale, localizedPath } from "~/i18n/locales";
import { fieldErrors } from "~/lib/validation";
import { findCampaignBySlug } from "~/modules/campaigns/campaigns.queries.server";
import { defineSetting, getSetting } from "~/modules/settings/settings.server";
import { consentProof, recordConsent, upsertSupporter } from "~/modules/supporters/supporters.server";
import { formatCents, GIVING_NOT_SET_UP } from "./donations";
import { donationFormSchema, UPDATES_WORDING, type DonationLimits } from "./donations.schema";
import {
  findDonationByManageToken,
  findDonationBySession,
  findFund,
  insertDonationOnce,
  setDonationCheckout,
} from "./donations.queries.server";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { createCheckoutSession, createPortalSession, givingMode, isTestMode } from "./stripe.server";

const cents = z.number().int().positive().max(100_000_000);

export const donationMinCents = defineSetting({
  key: "donations.min_cents",
  schema: cents,
  defaultValue: 100,
  label: "Smallest gift online (cents)",
});
export const donationMaxCents = defineSetting({
  key: "donations.max_cents",
  schema: cents,
  defaultValue: 1_000_000,
  label: "Largest gift online (cents)",
});
export const donationPresetsCents = defineSetting({
  key: "donations.presets_cents",
  schema: z.array(cents).min(1).max(8),
  defaultValue: [1000, 2500, 5000, 10000, 25000],
  label: "Preset amounts (cents)",
});

export async function donationLimits(): Promise<DonationLimits> {
  const [minCents, maxCents, presetsCents] = await Promise.all([
    getSetting(donationMinCents),
    getSetting(donationMaxCents),
    getSetting(donationPresetsCents),
  ]);
  return { minCents, maxCents, presetsCents: presetsCents.filter((p) => p >= minCents && p <= maxCents) };
}

/** A campaign that takes gifts: live, with a fund. Null otherwise. */
async function givingCampaign(slug: string) {
  const campaign = await findCampaignBySlug(db(), slug);
  if (!campaign || campaign.status !== "live") return null;
  const fund = await findFund(db(), campaign.id);
  return fund
    ? { id: campaign.id, slug: campaign.slug, title: campaign.title, summary: campaign.summary, fund }
    : null;
}

/** Everything the giving form needs; null when the campaign does not take gifts. */
export async function getGivingPage(slug: string | null) {
  const campaign = slug ? await givingCampaign(slug) : null;
  if (slug && !campaign) return null;
  return {
    campaign,
    available: givingMode() !== "off",
    limits: await donationLimits(),
    testMode: isTestMode(),
    nonce: randomBytes(18).toString("base64url"),
    updatesWording: UPDATES_WORDING,
  };
}

/** The campaign page's giving panel: money raised toward the goal and donors, from the roll-up. */
export async function getCampaignGiving(campaignId: number) {
  const fund = await findFund(db(), campaignId);
  return fund
    ? { goalCents: fund.goalCents, raisedCents: fund.raisedCents, donorCount: fund.donorCount }
    : null;
}

/** Each started gift creates a checkout (and, in test mode, can send a receipt): limited per visitor. */
export const donationRateLimit = defineRateLimit("donations", "Gifts started per visitor", {
  max: 10,
  windowSeconds: 3600,
});

export type StartDonationResult =
  | { ok: true; url: string }
  | { ok: false; status: number; fields: Record<string, string>; message?: string };

/**
 * The form's submission: validates, records the donor (and a pending consent, only when the box was ticked),
 * creates one donation per submitted form and one Checkout Session per donation (the form's nonce
 * is the idempotency key), and returns where to send the browser. `locale` is the giving page's
 * language, which the checkout's return pages keep.
 */
export async function startDonation(
  slug: string | null,
  raw: Record<string, unknown>,
  clientIp: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<StartDonationResult> {
  if (givingMode() === "off") return { ok: false, status: 503, fields: {}, message: GIVING_NOT_SET_UP };
  const campaign = slug ? await givingCampaign(slug) : null;
  if (slug && !campaign)
    return { ok: false, status: 404, fields: {}, message: "This campaign is not taking gifts." };
  const parsed = donationFormSchema(await donationLimits()).safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, fields: fieldErrors(parsed.error) };
  const form = parsed.data;
  // Counted once the form is valid: a typo does not use up a visitor's gifts.
  const limit = await hitRateLimit(donationRateLimit, clientIp);
  if (!limit.ok)
    return {
      ok: false,
      status: 429,
      fields: {},
      message: `Too many gifts started from your connection. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes and try again.`,
    };
  const formKey = createHash("sha256")
    .update(
      JSON.stringify([
        form.nonce,
        form.amountCents,
        form.frequency,
        campaign?.id ?? null,
        form.email,
        form.name,
        form.updates,
      ]),
    )
    .digest("base64url");

  const donation = await db()
    .transaction()
    .execute(async (trx) => {
      const supporter = form.email
        ? await upsertSupporter(trx, { email: form.email, ...nameParts(form.name) })
        : null;
      const { row, created } = await insertDonationOnce(trx, {
        formKey,
        manageToken: randomBytes(24).toString("base64url"),
        campaignId: campaign?.id ?? null,
        supporterId: supporter?.id ?? null,
        frequency: form.frequency,
        amountCents: form.amountCents,
        name: form.name,
        email: form.email,
        testMode: isTestMode(),
      });
      if (supporter && form.updates && created) {
        // Pending until the gift is paid (gifts.server.ts proves it): a form nobody pays for subscribes no one.
        await recordConsent(trx, {
          supporterId: supporter.id,
          campaignId: campaign?.id ?? null,
          scope: campaign ? "campaign" : "all",
          wording: UPDATES_WORDING,
          source: slug ? `donate:${slug}` : "donate",
          proof: consentProof.donation(row.id),
        });
      }
      return row;
    });
  if (donation.checkoutUrl) return { ok: true, url: donation.checkoutUrl };

  const base = appUrl();
  const description =
    `${form.frequency === "monthly" ? "Monthly gift" : "Gift"} of ${formatCents(form.amountCents)}${campaign ? `: ${campaign.title}` : ""}`.slice(
      0,
      200,
    );
  const session = await createCheckoutSession({
    donationId: donation.id,
    idempotencyKey: `checkout:${formKey}`,
    frequency: form.frequency,
    amountCents: form.amountCents,
    description,
    email: form.email,
    metadata: {
      donation_id: String(donation.id),
      campaign: campaign?.slug ?? "",
      campaign_id: campaign ? String(campaign.id) : "",
      supporter_id: donation.supporterId ? String(donation.supporterId) : "",
    },
    // The giver comes back to a page in the language they gave in (/ko/donate/thanks).
    successUrl: `${base}${localizedPath(locale, "/donate/thanks")}?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}${localizedPath(locale, "/donate/cancelled")}${campaign ? `?campaign=${campaign.slug}` : ""}`,
    testCheckoutUrl: (id) =>
      `/donate/test-checkout/${id}${locale === DEFAULT_LOCALE ? "" : `?locale=${locale}`}`,
  });
  await setDonationCheckout(db(), donation.id, session.id, session.url);
  const stored = await findDonationBySession(db(), session.id);
  return { ok: true, url: stored?.checkoutUrl ?? session.url };
}

function nameParts(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return {
    firstName: parts.slice(0, -1).join(" ") || parts[0] || "",
    lastName: parts.length > 1 ? parts[parts.length - 1] : "",
  };
}

/** The thank-you page: what the donor gave (status may still be pending until Stripe's event). */
export async function getThanks(sessionId: string) {
  const donation = sessionId ? await findDonationBySession(db(), sessionId) : undefined;
  if (!donation) return null;
  const campaign = donation.campaignId
    ? await db()
        .selectFrom("campaigns")
        .select(["slug", "title"])
        .where("id", "=", donation.campaignId)
        .executeTakeFirst()
    : null;
  return {
    amountCents: donation.amountCents,
    frequency: donation.frequency,
    status: donation.status,
    testMode: donation.testMode,
    campaign: campaign ?? null,
  };
}

/** The page behind the receipt's "change or cancel" link. */
export async function getManagedDonation(token: string) {
  const d = await findDonationByManageToken(db(), token);
  if (!d || d.frequency !== "monthly") return null;
  return {
    amountCents: d.amountCents,
    status: d.status,
    testMode: d.testMode,
    canManage: Boolean(d.customerId) && d.status !== "canceled",
  };
}

/** A customer-portal session for the monthly donor holding this token. */
export async function openBillingPortal(token: string): Promise<string | null> {
  const d = await findDonationByManageToken(db(), token);
  if (!d || d.frequency !== "monthly" || !d.customerId) return null;
  const base = appUrl();
  return createPortalSession(d.customerId, `${base}/donate/manage/${token}`, `/donate/test-portal/${token}`);
}
