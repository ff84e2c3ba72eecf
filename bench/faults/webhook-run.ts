import { randomBytes } from "node:crypto";
import { Webhook } from "svix";
import { startFakeStripe } from "../../tests/support/fake-stripe";
import { checkoutSession, event, newId, signedRequest } from "../../tests/support/stripe-events";
import { ControlledPostgres, healthzBaseline, serverEnv, startServer } from "./harness";

/** Run 5: each Stripe and Resend webhook delivered three times, out of order, concurrently. */

const STRIPE_SECRET = "whsec_fault_run_stripe";
const RESEND_SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const DONATIONS = 30;
const RESEND_EVENTS = 60;
const COPIES = 3;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function deliverAll(
  requests: Array<() => Request>,
  concurrency: number,
): Promise<Record<string, number>> {
  const byStatus: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const req = requests[next++]();
        const res = await fetch(req).catch(() => null);
        await res?.arrayBuffer();
        const key = String(res?.status ?? 0);
        byStatus[key] = (byStatus[key] ?? 0) + 1;
      }
    }),
  );
  return byStatus;
}

export async function webhooksReplayed() {
  const pg = new ControlledPostgres();
  await pg.start();
  const stripe = await startFakeStripe();
  const server = await startServer((base) =>
    serverEnv(base, pg.url, pg.dir, {
      STRIPE_SECRET_KEY: "sk_test_fault_run",
      STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
      STRIPE_API_BASE: stripe.url,
      RESEND_WEBHOOK_SECRET: RESEND_SECRET,
    }),
  );
  const client = await pg.client();
  try {
    const baselineHealthzPerSecond = await healthzBaseline(server.base);
    const campaignId = (await client.query("select id from campaigns where slug = 'ask-moscow-beijing'"))
      .rows[0].id as number;
    const fundBefore = (
      await client.query("select raised_cents, gift_count from donation_funds where campaign_id = $1", [
        campaignId,
      ])
    ).rows[0] ?? { raised_cents: 0, gift_count: 0 };

    // Stripe: per donation, checkout.session.completed and async_payment_succeeded (same payment), each three times.
    const stripeRequests: Array<() => Request> = [];
    const paymentIntents: string[] = [];
    let expectedCents = 0;
    for (let i = 0; i < DONATIONS; i++) {
      const amount = 1000 + i * 100;
      expectedCents += amount;
      const session = newId("cs_test");
      const d = await client.query(
        "insert into donations (form_key, manage_token, campaign_id, frequency, amount_cents, name, email, test_mode, checkout_session_id) values ($1, $2, $3, 'one_time', $4, 'Fault Donor', $5, false, $6) returning id",
        [newId("fk"), newId("tok"), campaignId, amount, `donor-${i}@fault.example`, session],
      );
      const pi = newId("pi");
      paymentIntents.push(pi);
      const object = checkoutSession({
        id: session,
        donationId: d.rows[0].id,
        amount,
        paymentIntent: pi,
        email: `donor-${i}@fault.example`,
      });
      for (const type of ["checkout.session.completed", "checkout.session.async_payment_succeeded"]) {
        const payload = JSON.stringify(event(type, object), null, 2);
        for (let c = 0; c < COPIES; c++) {
          stripeRequests.push(() => {
            const r = signedRequest(payload, { secret: STRIPE_SECRET });
            return new Request(`${server.base}/webhooks/stripe`, {
              method: "POST",
              body: payload,
              headers: r.headers,
            });
          });
        }
      }
    }

    // Resend: bounces and complaints for distinct addresses and delivered events; redeliveries keep their svix-id.
    const resendRequests: Array<() => Request> = [];
    const svixIds: string[] = [];
    const suppressedAddresses: string[] = [];
    for (let i = 0; i < RESEND_EVENTS; i++) {
      const id = `msg_${randomBytes(8).toString("hex")}`;
      svixIds.push(id);
      const to = `reader-${i}-${randomBytes(3).toString("hex")}@fault.example`;
      const kind = i % 3 === 0 ? "email.bounced" : i % 3 === 1 ? "email.complained" : "email.delivered";
      if (kind !== "email.delivered") suppressedAddresses.push(to);
      const body = JSON.stringify({
        type: kind,
        created_at: new Date().toISOString(),
        data: {
          email_id: `fake-${i}`,
          to: [to],
          ...(kind === "email.bounced" ? { bounce: { type: "Permanent", message: "no such mailbox" } } : {}),
        },
      });
      for (let c = 0; c < COPIES; c++) {
        resendRequests.push(() => {
          const at = new Date();
          const signature = new Webhook(RESEND_SECRET).sign(id, at, body);
          return new Request(`${server.base}/webhooks/resend`, {
            method: "POST",
            body,
            headers: {
              "content-type": "application/json",
              "svix-id": id,
              "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
              "svix-signature": signature,
            },
          });
        });
      }
    }

    const t0 = Date.now();
    const answers = await deliverAll(shuffle([...stripeRequests, ...resendRequests]), 24);
    const deliveredInMs = Date.now() - t0;
    const q = async (text: string, values: unknown[]) => Number((await client.query(text, values)).rows[0].n);
    const gifts = await q(
      "select count(*)::int as n from donation_gifts where payment_intent_id = any($1::text[])",
      [paymentIntents],
    );
    const receipts = await q(
      "select count(*)::int as n from emails where idempotency_key = any($1::text[])",
      [paymentIntents.map((p) => `donation-receipt:${p}`)],
    );
    const fundAfter = (
      await client.query("select raised_cents, gift_count from donation_funds where campaign_id = $1", [
        campaignId,
      ])
    ).rows[0];
    const stripeEvents = await q("select count(*)::int as n from stripe_events", []);
    const emailEvents = await q(
      "select count(*)::int as n from email_events where svix_id = any($1::text[])",
      [svixIds],
    );
    const suppressions = await q(
      "select count(*)::int as n from suppressions where email_canonical = any($1::text[])",
      [suppressedAddresses],
    );
    const result = {
      baselineHealthzPerSecond,
      copiesEach: COPIES,
      concurrency: 24,
      stripeDeliveries: stripeRequests.length,
      resendDeliveries: resendRequests.length,
      answers,
      deliveredInMs,
      donations: DONATIONS,
      gifts,
      receipts,
      raisedCentsAdded: fundAfter.raised_cents - fundBefore.raised_cents,
      expectedCents,
      giftCountAdded: fundAfter.gift_count - fundBefore.gift_count,
      stripeEventsRecorded: stripeEvents,
      stripeEventsExpected: DONATIONS * 2,
      resendEvents: RESEND_EVENTS,
      emailEventsRecorded: emailEvents,
      suppressions,
      suppressionsExpected: suppressedAddresses.length,
      serverAlive: server.alive(),
    };
    const pass =
      Object.keys(answers).every((s) => s === "200") &&
      gifts === DONATIONS &&
      receipts === DONATIONS &&
      result.raisedCentsAdded === expectedCents &&
      result.giftCountAdded === DONATIONS &&
      stripeEvents === DONATIONS * 2 &&
      emailEvents === RESEND_EVENTS &&
      suppressions === suppressedAddresses.length &&
      result.serverAlive;
    return { pass, ...result };
  } finally {
    await client.end();
    await server.stop();
    await stripe.close();
    await pg.dispose();
  }
}
