import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { env } from "~/env.server";
import { hmac, signingKey } from "~/modules/security/secrets.server";
import type { DonationFrequency } from "~db/schema";

/**
 * The one Stripe adapter. With STRIPE_SECRET_KEY it talks to Stripe (or to the server at
 * STRIPE_API_BASE, e.g. a local fake in tests). Without it the platform runs in a labelled test
 * mode: checkout and the customer portal are local stand-in pages, and their events are signed
 * with the dev webhook secret and delivered to our own webhook handler, verification included.
 */

let cached: { fingerprint: string; client: Stripe } | undefined;

/** STRIPE_API_BASE (e.g. http://127.0.0.1:12111) as the SDK's host, port and protocol options. */
export function apiBaseOptions(base: string | undefined): {
  host?: string;
  port?: number;
  protocol?: "http" | "https";
} {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80,
    protocol,
  };
}

/**
 * How gifts are taken: through Stripe when a key is set; without one, a labelled test checkout in
 * development and tests (or where DONATIONS_TEST_MODE=1 asks for it, e.g. a staging site); in
 * production without a key, not at all ("off": the form says giving is not set up).
 */
export type GivingMode = "stripe" | "test" | "off";
export function givingMode(): GivingMode {
  const config = env();
  if (config.STRIPE_SECRET_KEY) return "stripe";
  return !config.isProduction || config.DONATIONS_TEST_MODE ? "test" : "off";
}

export function isTestMode(): boolean {
  return givingMode() === "test";
}

/** The SDK, configured from the environment. In test mode it is only used for webhook signing. */
export function stripe(): Stripe {
  const config = env();
  const key = config.STRIPE_SECRET_KEY ?? "sk_test_local_mode_no_network";
  const fingerprint = `${key}|${config.STRIPE_API_BASE ?? ""}`;
  if (cached?.fingerprint !== fingerprint) {
    cached = {
      fingerprint,
      client: new Stripe(key, {
        ...apiBaseOptions(config.STRIPE_API_BASE),
        maxNetworkRetries: 2,
        timeout: 20_000,
        appInfo: { name: "bring-them-home" },
      }),
    };
  }
  return cached.client;
}

/** STRIPE_WEBHOOK_SECRET, or in development and test mode a secret derived from SESSION_SECRET. */
export function webhookSecret(): string {
  const config = env();
  return (
    config.STRIPE_WEBHOOK_SECRET ??
    `whsec_dev_${hmac(signingKey("stripe-dev-webhook"), "stripe-dev-webhook").toString("hex").slice(0, 40)}`
  );
}

export class WebhookSignatureError extends Error {}

/** Verifies the Stripe-Signature header over the raw body (5 minutes tolerance) and parses the event. */
export function constructWebhookEvent(rawBody: Buffer, signature: string | null): Stripe.Event {
  if (!signature) throw new WebhookSignatureError("Missing Stripe-Signature header.");
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, webhookSecret(), 300);
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : "Invalid signature.");
  }
}

/** A Stripe-Signature header for a payload, as Stripe would send it (test mode and tests). */
export function signPayload(
  payload: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = webhookSecret(),
): string {
  return stripe().webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

export interface CheckoutRequest {
  donationId: number;
  idempotencyKey: string;
  frequency: DonationFrequency;
  amountCents: number;
  description: string;
  email: string | null;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
  testCheckoutUrl: (sessionId: string) => string;
}

export function localId(prefix: string): string {
  return `${prefix}_test_local_${randomBytes(12).toString("hex")}`;
}

/** Creates a Checkout Session (payment or subscription mode); one per idempotency key. */
export async function createCheckoutSession(
  req: CheckoutRequest,
): Promise<{ id: string; url: string; testMode: boolean }> {
  if (givingMode() === "off")
    throw new Error("giving is not set up (no STRIPE_SECRET_KEY, and test mode is off in production)");
  if (isTestMode()) {
    const id = localId("cs");
    return { id, url: req.testCheckoutUrl(id), testMode: true };
  }
  const priceData = {
    currency: "usd",
    unit_amount: req.amountCents,
    product_data: { name: req.description },
    ...(req.frequency === "monthly" ? { recurring: { interval: "month" as const } } : {}),
  };
  const common = {
    line_items: [{ quantity: 1, price_data: priceData }],
    success_url: req.successUrl,
    cancel_url: req.cancelUrl,
    client_reference_id: String(req.donationId),
    metadata: req.metadata,
    ...(req.email ? { customer_email: req.email } : {}),
  };
  const params: Stripe.Checkout.SessionCreateParams =
    req.frequency === "monthly"
      ? {
          ...common,
          mode: "subscription",
          subscription_data: { metadata: req.metadata, description: req.description },
        }
      : {
          ...common,
          mode: "payment",
          submit_type: "donate",
          customer_creation: "always",
          payment_intent_data: { metadata: req.metadata, description: req.description },
        };
  const session = await stripe().checkout.sessions.create(params, { idempotencyKey: req.idempotencyKey });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { id: session.id, url: session.url, testMode: false };
}

/** A customer-portal session where a monthly donor manages or cancels their gift. */
export async function createPortalSession(
  customerId: string,
  returnUrl: string,
  testPortalUrl: string,
): Promise<string> {
  if (!env().STRIPE_SECRET_KEY || customerId.includes("_test_local_")) return testPortalUrl;
  const session = await stripe().billingPortal.sessions.create({
    customer: customerId,
    return_url: returnUrl,
  });
  return session.url;
}

/** The PaymentIntent that paid an invoice (refunds and disputes name the PaymentIntent). */
export async function paymentIntentForInvoice(invoice: {
  id?: string;
  payments?: { data?: Array<{ payment?: { payment_intent?: unknown } }> };
}): Promise<string | null> {
  const fromPayload = invoice.payments?.data?.map((p) => idOf(p.payment?.payment_intent)).find(Boolean);
  if (fromPayload) return fromPayload;
  if (!env().STRIPE_SECRET_KEY || !invoice.id || invoice.id.includes("_test_local_")) return null;
  const list = await stripe().invoicePayments.list({ invoice: invoice.id, limit: 3 });
  return list.data.map((p) => idOf(p.payment?.payment_intent)).find(Boolean) ?? null;
}

/** An expandable Stripe field as its id. */
export function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (
    value &&
    typeof value === "object" &&
    "id" in value &&
    typeof (value as { id: unknown }).id === "string"
  )
    return (value as { id: string }).id;
  return null;
}

/**
 * An erasure: Stripe deletes the customer (its name, email and saved cards; the payments stay,
 * as Stripe must keep them). Test-mode customers never left the machine; one already deleted is
 * as good.
 */
export async function deleteStripeCustomer(customerId: string): Promise<void> {
  if (!env().STRIPE_SECRET_KEY || customerId.includes("_test_local_")) return;
  try {
    await stripe().customers.del(customerId);
  } catch (error) {
    if ((error as { code?: string }).code === "resource_missing") return;
    throw error;
  }
}
