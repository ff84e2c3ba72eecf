import { db } from "~db/index.server";
import { env, overrideEnv } from "~/env.server";
import { donationRateLimit } from "~/modules/donations/donations.server";
import { setSetting } from "~/modules/settings/settings.server";
import { action as campaignDonate, loader as campaignDonateLoader } from "~/routes/campaigns.$slug.donate";
import { action as generalDonate, loader as generalDonateLoader } from "~/routes/donate._index";
import { action as testCheckout, loader as testCheckoutLoader } from "~/routes/donate.test-checkout.$id";
import { seedContent } from "../factories";
import { callRoute, form, post } from "../support/remix";

/**
 * Issue 10 item 11: without a Stripe key, the labelled test checkout runs in development and
 * tests only. In production it needs DONATIONS_TEST_MODE; otherwise giving says it is not set up
 * and nothing is written. And /donate is rate-limited per visitor.
 */
const original = { ...env() };
const noStripe = {
  STRIPE_SECRET_KEY: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  STRIPE_API_BASE: undefined,
};
beforeAll(async () => {
  overrideEnv({ ...noStripe, APP_URL: "http://localhost:3000" });
  await seedContent();
});
afterEach(() => {
  overrideEnv({
    NODE_ENV: original.NODE_ENV,
    isProduction: original.isProduction,
    DONATIONS_TEST_MODE: undefined,
  });
});

let k = 0;
const values = (extra: Record<string, string> = {}) => ({
  nonce: `prod-nonce-${Date.now()}-${++k}`.padEnd(20, "0"),
  amount: "2500",
  frequency: "one_time",
  email: "donor@example.org",
  ...extra,
});
const giveGeneral = (ip = "198.51.100.80") =>
  callRoute(generalDonate as never, post("/donate", form(values())), {}, { clientIp: ip });
const giveCampaign = (slug = "ask-moscow-beijing") =>
  callRoute(
    campaignDonate as never,
    post(`/campaigns/${slug}/donate`, form(values())),
    { slug },
    { clientIp: "198.51.100.81" },
  );
const donationCount = async () =>
  Number(
    (await db().selectFrom("donations").select(db().fn.countAll<number>().as("n")).executeTakeFirstOrThrow())
      .n,
  );
const production = (extra: Record<string, unknown> = {}) =>
  overrideEnv({ NODE_ENV: "production", isProduction: true, ...noStripe, ...extra });

describe("in production without a Stripe key", () => {
  it("the giving pages say giving is not set up, and a submitted form writes nothing", async () => {
    production();
    const page = (await (
      await callRoute(generalDonateLoader as never, new Request("http://localhost/donate"))
    ).json()) as { available: boolean; testMode: boolean };
    expect(page).toMatchObject({ available: false, testMode: false });
    const campaignPage = (await (
      await callRoute(
        campaignDonateLoader as never,
        new Request("http://localhost/campaigns/ask-moscow-beijing/donate"),
        { slug: "ask-moscow-beijing" },
      )
    ).json()) as { available: boolean };
    expect(campaignPage.available).toBe(false);

    const before = await donationCount();
    for (const r of [await giveGeneral(), await giveCampaign()]) {
      expect(r.status).toBe(503);
      expect(((await r.json()) as { message: string }).message).toMatch(/not set up/);
    }
    expect(await donationCount()).toBe(before);
  });

  it("a test checkout made earlier cannot be paid: its page is gone and paying changes nothing", async () => {
    const started = await giveGeneral("198.51.100.82"); // in development: the test checkout
    const id = started.headers.get("Location")!.split("/").pop()!;
    expect(id).toMatch(/_test_local_/);
    production();
    expect(
      (
        await callRoute(
          testCheckoutLoader as never,
          new Request(`http://localhost/donate/test-checkout/${id}`),
          { id },
        )
      ).status,
    ).toBe(404);
    const paid = await callRoute(
      testCheckout as never,
      post(`/donate/test-checkout/${id}`, form({ intent: "pay", email: "anyone@example.org" })),
      { id },
    );
    expect(paid.status).toBe(404);
    const d = await db()
      .selectFrom("donations")
      .selectAll()
      .where("checkoutSessionId", "=", id)
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: "pending", completedAt: null });
    expect(
      await db().selectFrom("emails").select("id").where("toAddress", "=", "anyone@example.org").execute(),
    ).toEqual([]);
  });

  it("DONATIONS_TEST_MODE=1 turns the labelled test checkout on (a staging site)", async () => {
    production({ DONATIONS_TEST_MODE: true });
    const page = (await (
      await callRoute(generalDonateLoader as never, new Request("http://localhost/donate"))
    ).json()) as { available: boolean; testMode: boolean };
    expect(page).toMatchObject({ available: true, testMode: true });
    const r = await giveGeneral("198.51.100.83");
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toMatch(/^\/donate\/test-checkout\/cs_test_local_/);
  });
});

describe("/donate", () => {
  it("is rate-limited per visitor: valid forms only count, and another visitor is not affected", async () => {
    await setSetting(donationRateLimit, { max: 2, windowSeconds: 3600 }, null);
    try {
      const ip = "198.51.100.90";
      const bad = await callRoute(
        generalDonate as never,
        post("/donate", form({ nonce: "x".repeat(20), amount: "custom", customAmount: "abc" })),
        {},
        { clientIp: ip },
      );
      expect(bad.status).toBe(400);
      expect((await giveGeneral(ip)).status).toBe(303);
      expect((await giveGeneral(ip)).status).toBe(303);
      const before = await donationCount();
      const third = await giveGeneral(ip);
      expect(third.status).toBe(429);
      expect(((await third.json()) as { message: string }).message).toMatch(/Too many gifts/);
      expect(await donationCount()).toBe(before);
      expect((await giveGeneral("198.51.100.91")).status).toBe(303);
    } finally {
      await setSetting(donationRateLimit, { max: 10, windowSeconds: 3600 }, null);
    }
  });
});
