import type Stripe from "stripe";
import { db, type Executor } from "~db/index.server";
import { log } from "~/lib/log.server";
import { upsertSupporter } from "~/modules/supporters/supporters.server";
import { findDonationByRef, recordStripeEvent, updateDonationFacts } from "./donations.queries.server";
import { applyGiftFacts, refreshDonationStatus } from "./gifts.server";
import { constructWebhookEvent, idOf, paymentIntentForInvoice, WebhookSignatureError } from "./stripe.server";
import { errorEnvelope } from "~/lib/api.server";

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "invoice.paid",
  "invoice.payment_failed",
  "customer.subscription.deleted",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
] as const;

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * POST /webhooks/stripe: verify the signature over the raw bytes, then apply the event exactly
 * once (its id is recorded in stripe_events in the same transaction as its effect). A bad
 * signature is 400; a replay or an unknown type is 200; a database failure is 500 so Stripe retries.
 */
export async function handleStripeWebhook(
  rawBody: Buffer,
  signature: string | null,
): Promise<WebhookResponse> {
  let event: Stripe.Event;
  try {
    event = constructWebhookEvent(rawBody, signature);
  } catch (error) {
    const message = error instanceof WebhookSignatureError ? error.message : "The event could not be read.";
    return { status: 400, body: errorEnvelope("invalid_signature", message) };
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    return { status: 400, body: errorEnvelope("invalid_event", "The event has no id, type or object.") };
  }
  try {
    const outcome = await applyStripeEvent(event);
    return { status: 200, body: { received: true, outcome } };
  } catch (error) {
    log.error("stripe webhook failed; Stripe will retry", {
      event: event.id,
      type: event.type,
      error: error instanceof Error ? error.message : String(error),
    });
    return {
      status: 500,
      body: errorEnvelope("processing_failed", "The event could not be applied; please retry."),
    };
  }
}

type Loose = Record<string, any>;

export async function applyStripeEvent(event: Stripe.Event): Promise<string> {
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) return "ignored: not an event we act on";
  const object = event.data.object as Loose;
  // Network calls happen before the transaction opens.
  const invoicePaymentIntent = event.type.startsWith("invoice.")
    ? await paymentIntentForInvoice(object)
    : null;
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await recordStripeEvent(trx, event.id, event.type))) return "duplicate: already applied";
      switch (event.type) {
        case "checkout.session.completed":
          return checkoutSession(trx, object, object.payment_status === "paid" ? "paid" : "pending");
        case "checkout.session.async_payment_succeeded":
          return checkoutSession(trx, object, "paid");
        case "checkout.session.async_payment_failed":
          return checkoutSession(trx, object, "failed");
        case "invoice.paid":
          return invoice(trx, object, invoicePaymentIntent, "paid");
        case "invoice.payment_failed":
          return invoice(trx, object, invoicePaymentIntent, "failed");
        case "customer.subscription.deleted":
          return subscriptionEnded(trx, object);
        case "charge.refunded": {
          const pi = idOf(object.payment_intent);
          if (!pi) return "ignored: charge without a payment intent";
          return applyGiftFacts(trx, {
            paymentIntentId: pi,
            amountCents: object.amount,
            refundedCents: object.amount_refunded,
            refunded: object.refunded === true,
          });
        }
        case "charge.dispute.created":
        case "charge.dispute.closed": {
          const pi = idOf(object.payment_intent);
          if (!pi) return "ignored: dispute without a payment intent";
          const outcome =
            event.type === "charge.dispute.closed" && (object.status === "won" || object.status === "lost")
              ? object.status
              : null;
          return applyGiftFacts(trx, {
            paymentIntentId: pi,
            amountCents: object.amount,
            disputed: true,
            disputeOutcome: outcome,
          });
        }
        default:
          return "ignored";
      }
    });
}

function metadataDonationId(metadata: Loose | null | undefined): number | null {
  const id = Number(metadata?.donation_id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function splitName(name: string | null | undefined) {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return {
    firstName: parts.slice(0, -1).join(" ") || parts[0] || "",
    lastName: parts.length > 1 ? parts[parts.length - 1] : "",
  };
}

async function checkoutSession(
  trx: Executor,
  session: Loose,
  payment: "paid" | "pending" | "failed",
): Promise<string> {
  const donation = await findDonationByRef(trx, {
    id: metadataDonationId(session.metadata),
    sessionId: session.id,
    subscriptionId: idOf(session.subscription),
  });
  if (!donation) return "ignored: no donation for this session";
  const email: string | null = session.customer_details?.email ?? session.customer_email ?? null;
  const name: string | null = session.customer_details?.name ?? null;
  let result = "donation updated";
  if (session.mode !== "subscription") {
    result = await applyGiftFacts(trx, {
      donationId: donation.id,
      paymentIntentId: idOf(session.payment_intent) ?? `cs:${session.id}`,
      amountCents:
        Number.isSafeInteger(session.amount_total) && session.amount_total > 0
          ? session.amount_total
          : donation.amountCents,
      paid: payment === "paid",
      failed: payment === "failed",
      contactEmail: email,
    });
  }
  const supporter =
    !donation.supporterId && email ? await upsertSupporter(trx, { email, ...splitName(name) }) : null;
  await updateDonationFacts(trx, donation.id, {
    checkoutSessionId: session.id,
    subscriptionId: idOf(session.subscription),
    customerId: idOf(session.customer),
    email,
    name,
    supporterId: supporter?.id ?? null,
    completed: true,
  });
  await refreshDonationStatus(trx, donation.id);
  return result;
}

async function invoice(
  trx: Executor,
  inv: Loose,
  paymentIntentId: string | null,
  outcome: "paid" | "failed",
): Promise<string> {
  const details = inv.parent?.subscription_details ?? inv.subscription_details ?? null;
  const subscriptionId = idOf(details?.subscription) ?? idOf(inv.subscription);
  if (!subscriptionId) return "ignored: not a subscription invoice";
  const donation = await findDonationByRef(trx, {
    id: metadataDonationId(details?.metadata),
    subscriptionId,
  });
  if (!donation) return "ignored: no donation for this subscription";
  const amount = outcome === "paid" ? inv.amount_paid : inv.amount_due;
  if (!Number.isSafeInteger(amount) || amount <= 0) return "ignored: nothing was paid";
  const result = await applyGiftFacts(trx, {
    donationId: donation.id,
    invoiceId: inv.id,
    paymentIntentId,
    amountCents: amount,
    paid: outcome === "paid",
    failed: outcome === "failed",
    contactEmail: inv.customer_email ?? null,
  });
  await updateDonationFacts(trx, donation.id, {
    subscriptionId,
    customerId: idOf(inv.customer),
    email: inv.customer_email ?? null,
    paymentFailed: outcome === "failed",
  });
  await refreshDonationStatus(trx, donation.id);
  return result;
}

async function subscriptionEnded(trx: Executor, sub: Loose): Promise<string> {
  const donation = await findDonationByRef(trx, {
    id: metadataDonationId(sub.metadata),
    subscriptionId: sub.id,
  });
  if (!donation) return "ignored: no donation for this subscription";
  await updateDonationFacts(trx, donation.id, { subscriptionId: sub.id, canceled: true });
  await refreshDonationStatus(trx, donation.id);
  return "monthly gift ended";
}
