import { sql } from "kysely";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { action as webhook } from "~/routes/webhooks.stripe";
import { callRoute } from "../support/remix";
import { startFakeStripe } from "../support/fake-stripe";
import {
  charge,
  checkoutSession,
  dispute,
  event,
  invoicePaid,
  newId,
  signedRequest,
} from "../support/stripe-events";
import { seedContent } from "../factories";
import { expectServerError } from "../support/server-errors";

const SECRET = "whsec_test_donations_webhooks";
let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let campaignId: number;

beforeAll(async () => {
  fake = await startFakeStripe();
  overrideEnv({
    STRIPE_SECRET_KEY: "sk_test_fake",
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_BASE: fake.url,
    APP_URL: "http://localhost:3000",
  });
  await seedContent();
  campaignId = (
    await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "ask-moscow-beijing")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => fake.close());

async function send(
  evt: object,
  options: { timestamp?: number; signature?: string | null; body?: string } = {},
) {
  const payload = options.body ?? JSON.stringify(evt, null, 2);
  const res = (await callRoute(
    webhook as never,
    signedRequest(payload, { secret: SECRET, ...options }),
  )) as Response;
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function makeDonation(
  frequency: "one_time" | "monthly" = "one_time",
  amountCents = 2500,
  email: string | null = "donor@example.org",
) {
  return db()
    .insertInto("donations")
    .values({
      formKey: newId("fk"),
      manageToken: newId("tok"),
      campaignId,
      supporterId: null,
      frequency,
      amountCents,
      name: "Pat Donor",
      email,
      testMode: false,
      checkoutSessionId: newId("cs_test"),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A Checkout Session event for a donation made above (2,500 cents unless told otherwise). */
const checkout = (
  type: string,
  d: { id: number; checkoutSessionId: string | null },
  more: Omit<Parameters<typeof checkoutSession>[0], "id" | "donationId" | "amount"> & {
    amount?: number;
  } = {},
) => event(type, checkoutSession({ id: d.checkoutSessionId!, donationId: d.id, amount: 2500, ...more }));

const fund = () =>
  db().selectFrom("donationFunds").selectAll().where("campaignId", "=", campaignId).executeTakeFirstOrThrow();
const gifts = (donationId: number) =>
  db().selectFrom("donationGifts").selectAll().where("donationId", "=", donationId).execute();
const receipts = (ref: string) =>
  db().selectFrom("emails").selectAll().where("idempotencyKey", "=", `donation-receipt:${ref}`).execute();
const donation = (id: number) =>
  db().selectFrom("donations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("POST /webhooks/stripe: signatures", () => {
  it("refuses a re-serialised body, an old timestamp, and a missing or malformed signature with 400", async () => {
    const d = await makeDonation();
    const evt = checkout("checkout.session.completed", d, { paymentIntent: newId("pi") });
    const original = JSON.stringify(evt, null, 2);
    const signature = signedRequest(original, { secret: SECRET }).headers.get("Stripe-Signature")!;
    expect((await send(evt, { body: JSON.stringify(evt), signature })).status).toBe(400); // same JSON, other bytes
    expect((await send(evt, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(400);
    expect((await send(evt, { signature: null })).status).toBe(400);
    for (const bad of [
      "",
      "garbage",
      "t=abc,v1=",
      `t=${Math.floor(Date.now() / 1000)},v1=deadbeef`,
      "v1=" + "0".repeat(64),
    ]) {
      const r = await send(evt, { signature: bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe("invalid_signature");
    }
    expect(await gifts(d.id)).toEqual([]);
    expect(await db().selectFrom("stripeEvents").select("id").where("id", "=", evt.id).execute()).toEqual([]);
    // the original bytes with their signature are accepted
    expect((await send(evt, { body: original, signature })).status).toBe(200);
  });

  it("acknowledges and ignores an unknown event type", async () => {
    const r = await send(event("customer.created", { id: "cus_1", object: "customer" }));
    expect(r.status).toBe(200);
    expect(r.body.outcome).toMatch(/ignored/);
  });
});

describe("POST /webhooks/stripe: exactly once", () => {
  it("makes one gift and one receipt from the same event twice, and from ten copies at once", async () => {
    for (const copies of [2, 10]) {
      const d = await makeDonation();
      const before = await fund();
      const pi = newId("pi");
      const evt = checkout("checkout.session.completed", d, { paymentIntent: pi });
      const results =
        copies === 2
          ? [await send(evt), await send(evt)]
          : await Promise.all(Array.from({ length: copies }, () => send(evt)));
      expect(results.map((r) => r.status)).toEqual(Array(copies).fill(200));
      expect(results.filter((r) => String(r.body.outcome).startsWith("duplicate"))).toHaveLength(copies - 1);
      expect(await gifts(d.id)).toHaveLength(1);
      expect(await receipts(pi)).toHaveLength(1);
      const after = await fund();
      expect(after.raisedCents - before.raisedCents).toBe(2500);
      expect(after.donorCount - before.donorCount).toBe(1);
      expect((await donation(d.id)).status).toBe("succeeded");
    }
  });

  it("counts completed then async-succeeded once", async () => {
    const d = await makeDonation();
    const pi = newId("pi");
    const before = await fund();
    await send(checkout("checkout.session.completed", d, { paymentIntent: pi }));
    await send(checkout("checkout.session.async_payment_succeeded", d, { paymentIntent: pi }));
    expect(await gifts(d.id)).toHaveLength(1);
    expect(await receipts(pi)).toHaveLength(1);
    expect((await fund()).raisedCents - before.raisedCents).toBe(2500);
  });

  it("sends no receipt for an unpaid checkout that then fails", async () => {
    const d = await makeDonation();
    const pi = newId("pi");
    const before = await fund();
    await send(checkout("checkout.session.completed", d, { paymentIntent: pi, paymentStatus: "unpaid" }));
    expect((await donation(d.id)).status).toBe("pending");
    await send(
      checkout("checkout.session.async_payment_failed", d, { paymentIntent: pi, paymentStatus: "unpaid" }),
    );
    expect(await receipts(pi)).toHaveLength(0);
    expect((await donation(d.id)).status).toBe("failed");
    expect((await fund()).raisedCents).toBe(before.raisedCents);
  });

  it("ends refunded when the refund arrives before the payment, and never counts it", async () => {
    const d = await makeDonation();
    const pi = newId("pi");
    const before = await fund();
    expect(
      (await send(event("charge.refunded", charge({ paymentIntent: pi, amount: 2500, refunded: true }))))
        .status,
    ).toBe(200);
    await send(checkout("checkout.session.completed", d, { paymentIntent: pi }));
    const [gift] = await gifts(d.id);
    expect(gift.status).toBe("refunded");
    expect((await donation(d.id)).status).toBe("refunded");
    expect(await receipts(pi)).toHaveLength(0);
    const after = await fund();
    expect([after.raisedCents, after.donorCount]).toEqual([before.raisedCents, before.donorCount]);
  });

  it("takes a refund or a lost dispute out of the roll-up, and a won dispute puts it back", async () => {
    const before = await fund();
    const d1 = await makeDonation();
    const pi1 = newId("pi");
    await send(checkout("checkout.session.completed", d1, { amount: 4000, paymentIntent: pi1 }));
    await send(event("charge.refunded", charge({ paymentIntent: pi1, amount: 4000, refunded: true })));
    expect((await fund()).raisedCents).toBe(before.raisedCents);
    const d2 = await makeDonation();
    const pi2 = newId("pi");
    await send(checkout("checkout.session.completed", d2, { amount: 3000, paymentIntent: pi2 }));
    await send(
      event(
        "charge.dispute.created",
        dispute({ paymentIntent: pi2, amount: 3000, status: "needs_response" }),
      ),
    );
    expect((await donation(d2.id)).status).toBe("disputed");
    expect((await fund()).donorCount).toBe(before.donorCount);
    await send(event("charge.dispute.closed", dispute({ paymentIntent: pi2, amount: 3000, status: "won" })));
    const after = await fund();
    expect([after.raisedCents - before.raisedCents, after.donorCount - before.donorCount]).toEqual([3000, 1]);
  });

  it("adds a gift for each monthly invoice, one donor, a receipt each with a manage link, and ends on cancellation", async () => {
    const d = await makeDonation("monthly", 1500);
    const sub = newId("sub");
    const before = await fund();
    await send(
      event(
        "invoice.paid",
        invoicePaid({
          id: newId("in"),
          subscription: sub,
          amount: 1500,
          paymentIntent: newId("pi"),
          donationId: d.id,
          reason: "subscription_create",
        }),
      ),
    );
    await send(
      checkout("checkout.session.completed", d, { amount: 1500, mode: "subscription", subscription: sub }),
    );
    const second = newId("in");
    fake.setInvoicePayment(second, "pi_from_api");
    await send(event("invoice.paid", invoicePaid({ id: second, subscription: sub, amount: 1500 })));
    const rows = await gifts(d.id);
    expect(rows.map((g) => g.status)).toEqual(["succeeded", "succeeded"]);
    expect(rows[1].paymentIntentId).toBe("pi_from_api");
    expect(
      fake.requests.some((r) => r.path === "/v1/invoice_payments" && r.params.get("invoice") === second),
    ).toBe(true);
    const after = await fund();
    expect([
      after.raisedCents - before.raisedCents,
      after.donorCount - before.donorCount,
      after.giftCount - before.giftCount,
    ]).toEqual([3000, 1, 2]);
    const [receipt] = await receipts(second);
    expect(receipt.text).toContain(`/donate/manage/${d.manageToken}`);
    expect(receipt.text).toMatch(/no goods or services/i);
    expect((await donation(d.id)).status).toBe("active");
    await send(
      event("invoice.payment_failed", {
        ...invoicePaid({ id: newId("in"), subscription: sub, amount: 1500 }),
        amount_paid: 0,
        status: "open",
      }),
    );
    await send(
      event("customer.subscription.deleted", {
        id: sub,
        object: "subscription",
        status: "canceled",
        metadata: {},
      }),
    );
    const ended = await donation(d.id);
    expect(ended.status).toBe("canceled");
    expect(ended.lastPaymentFailedAt).not.toBeNull();
    expect((await fund()).raisedCents - before.raisedCents).toBe(3000);
  });

  it("answers 500 when the database fails, so Stripe retries, and applies the retry", async () => {
    const d = await makeDonation();
    const evt = checkout("checkout.session.completed", d, { paymentIntent: newId("pi") });
    await sql`alter table donation_gifts rename to donation_gifts_away`.execute(db());
    expectServerError(
      /stripe webhook failed; Stripe will retry .*"relation \\"donation_gifts\\" does not exist"/,
    );
    try {
      expect((await send(evt)).status).toBe(500);
    } finally {
      await sql`alter table donation_gifts_away rename to donation_gifts`.execute(db());
    }
    expect(await db().selectFrom("stripeEvents").select("id").where("id", "=", evt.id).execute()).toEqual([]);
    expect((await send(evt)).status).toBe(200);
    expect(await gifts(d.id)).toHaveLength(1);
  });
});
