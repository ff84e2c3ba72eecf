import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/** Stripe-shaped events for tests, signed the way Stripe signs them. */
const sdk = new Stripe("sk_test_events_only");
let n = 0;
const id = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}${++n}`;

export function event(type: string, object: Record<string, unknown>, eventId = id("evt")) {
  return {
    id: eventId,
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

export function signedRequest(
  payload: string,
  options: { secret: string; timestamp?: number; signature?: string | null },
) {
  const header =
    options.signature === undefined
      ? sdk.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret,
          timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
        })
      : options.signature;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (header !== null) headers["Stripe-Signature"] = header;
  return new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers });
}

export function checkoutSession(o: {
  id: string;
  donationId: number;
  mode?: "payment" | "subscription";
  paymentStatus?: "paid" | "unpaid";
  amount: number;
  paymentIntent?: string | null;
  subscription?: string | null;
  email?: string;
  currency?: string;
}) {
  return {
    id: o.id,
    object: "checkout.session",
    mode: o.mode ?? "payment",
    status: "complete",
    payment_status: o.paymentStatus ?? "paid",
    amount_total: o.amount,
    currency: o.currency ?? "usd",
    customer: "cus_test_1",
    customer_details: { email: o.email ?? "donor@example.org", name: "Pat Donor" },
    payment_intent: o.mode === "subscription" ? null : (o.paymentIntent ?? null),
    subscription: o.subscription ?? null,
    metadata: { donation_id: String(o.donationId) },
  };
}

export function invoicePaid(o: {
  id: string;
  subscription: string;
  amount: number;
  paymentIntent?: string;
  donationId?: number;
  reason?: string;
}) {
  return {
    id: o.id,
    object: "invoice",
    billing_reason: o.reason ?? "subscription_cycle",
    status: "paid",
    amount_due: o.amount,
    amount_paid: o.amount,
    currency: "usd",
    customer: "cus_test_1",
    customer_email: "donor@example.org",
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: {
        subscription: o.subscription,
        metadata: o.donationId ? { donation_id: String(o.donationId) } : {},
      },
    },
    ...(o.paymentIntent
      ? {
          payments: {
            object: "list",
            data: [
              {
                object: "invoice_payment",
                payment: { type: "payment_intent", payment_intent: o.paymentIntent },
              },
            ],
          },
        }
      : {}),
  };
}

export function charge(o: {
  paymentIntent: string;
  amount: number;
  refunded: boolean;
  amountRefunded?: number;
}) {
  return {
    id: id("ch"),
    object: "charge",
    amount: o.amount,
    amount_refunded: o.amountRefunded ?? (o.refunded ? o.amount : 0),
    refunded: o.refunded,
    currency: "usd",
    payment_intent: o.paymentIntent,
  };
}

export function dispute(o: { paymentIntent: string; amount: number; status: string }) {
  return {
    id: id("dp"),
    object: "dispute",
    amount: o.amount,
    charge: id("ch"),
    payment_intent: o.paymentIntent,
    status: o.status,
    currency: "usd",
  };
}

export const newId = id;
