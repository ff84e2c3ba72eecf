import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "~db/index.server";
import { email, optionalFullName } from "~/lib/fields.schema";
import { findDonationByManageToken, findDonationBySession } from "./donations.queries.server";
import { isTestMode, signPayload } from "./stripe.server";
import { handleStripeWebhook } from "./webhooks.server";

/**
 * Test mode (no STRIPE_SECRET_KEY): local stand-ins for Stripe's checkout page and customer
 * portal. They build the events Stripe would send, sign them with the webhook secret, and hand
 * them to the same webhook handler that serves POST /webhooks/stripe, signature check included.
 */

/** Local ids only, and only while no Stripe key is configured. */
const isLocal = (id: string | null | undefined) => isTestMode() && Boolean(id?.includes("_test_local_"));
const stableId = (prefix: string, ...parts: string[]) =>
  `${prefix}_test_local_${createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 24)}`;

export function testEvent(id: string, type: string, object: Record<string, unknown>) {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** Signs an event and delivers it to our webhook handler in-process. */
export async function deliverTestEvent(event: ReturnType<typeof testEvent>) {
  const payload = JSON.stringify(event, null, 2);
  const result = await handleStripeWebhook(Buffer.from(payload), signPayload(payload));
  if (result.status !== 200)
    throw new Error(`test-mode event ${event.type} was refused: ${JSON.stringify(result.body)}`);
  return result;
}

export async function getTestCheckout(sessionId: string) {
  if (!isLocal(sessionId)) return null;
  const d = await findDonationBySession(db(), sessionId);
  if (!d) return null;
  const campaign = d.campaignId
    ? await db()
        .selectFrom("campaigns")
        .select(["slug", "title"])
        .where("id", "=", d.campaignId)
        .executeTakeFirst()
    : null;
  return {
    sessionId,
    amountCents: d.amountCents,
    frequency: d.frequency,
    email: d.email,
    name: d.name,
    completed: Boolean(d.completedAt),
    campaign: campaign ?? null,
  };
}

export const testPaySchema = z.object({
  email: email("Enter an email address for the receipt."),
  name: optionalFullName.transform((v) => v ?? undefined),
});

/** "Pay" on the local checkout page: the events of a successful Checkout, in Stripe's order. */
export async function payTestCheckout(
  sessionId: string,
  payer: { email: string; name?: string },
): Promise<string | null> {
  const d = isLocal(sessionId) ? await findDonationBySession(db(), sessionId) : undefined;
  if (!d) return null;
  const metadata = {
    donation_id: String(d.id),
    campaign_id: d.campaignId ? String(d.campaignId) : "",
    supporter_id: d.supporterId ? String(d.supporterId) : "",
  };
  const customer = stableId("cus", sessionId);
  const paymentIntent = stableId("pi", sessionId);
  const monthly = d.frequency === "monthly";
  const subscription = monthly ? stableId("sub", sessionId) : null;
  const invoice = monthly ? stableId("in", sessionId) : null;
  await deliverTestEvent(
    testEvent(stableId("evt", sessionId, "completed"), "checkout.session.completed", {
      id: sessionId,
      object: "checkout.session",
      mode: monthly ? "subscription" : "payment",
      status: "complete",
      payment_status: "paid",
      amount_total: d.amountCents,
      currency: "usd",
      customer,
      customer_details: { email: payer.email, name: payer.name || d.name || null },
      payment_intent: monthly ? null : paymentIntent,
      subscription,
      invoice,
      metadata,
    }),
  );
  if (monthly && subscription && invoice)
    await deliverTestEvent(
      invoicePaid(
        stableId("evt", sessionId, "invoice"),
        invoice,
        subscription,
        customer,
        paymentIntent,
        d.amountCents,
        payer.email,
        metadata,
        "subscription_create",
      ),
    );
  return `/donate/thanks?session_id=${sessionId}`;
}

function invoicePaid(
  eventId: string,
  id: string,
  subscription: string,
  customer: string,
  paymentIntent: string,
  amount: number,
  email: string | null,
  metadata: Record<string, string>,
  reason: string,
) {
  return testEvent(eventId, "invoice.paid", {
    id,
    object: "invoice",
    billing_reason: reason,
    status: "paid",
    amount_due: amount,
    amount_paid: amount,
    currency: "usd",
    customer,
    customer_email: email,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { subscription, metadata },
    },
    payments: {
      object: "list",
      data: [
        { object: "invoice_payment", payment: { type: "payment_intent", payment_intent: paymentIntent } },
      ],
    },
  });
}

/** The local stand-in for Stripe's customer portal. */
export async function getTestPortal(token: string) {
  const d = await findDonationByManageToken(db(), token);
  if (!d || d.frequency !== "monthly" || !isLocal(d.subscriptionId)) return null;
  return { amountCents: d.amountCents, status: d.status, canceled: Boolean(d.canceledAt) };
}

export async function testPortalAction(token: string, intent: "cancel" | "next-payment"): Promise<boolean> {
  const d = await findDonationByManageToken(db(), token);
  if (!d || !d.subscriptionId || !isLocal(d.subscriptionId) || !d.customerId) return false;
  const metadata = { donation_id: String(d.id) };
  if (intent === "cancel") {
    await deliverTestEvent(
      testEvent(stableId("evt", d.subscriptionId, "deleted"), "customer.subscription.deleted", {
        id: d.subscriptionId,
        object: "subscription",
        status: "canceled",
        customer: d.customerId,
        metadata,
      }),
    );
    return true;
  }
  if (d.canceledAt) return false;
  const n = randomBytes(6).toString("hex");
  await deliverTestEvent(
    invoicePaid(
      stableId("evt", n),
      stableId("in", n),
      d.subscriptionId,
      d.customerId,
      stableId("pi", n),
      d.amountCents,
      d.email,
      metadata,
      "subscription_cycle",
    ),
  );
  return true;
}
