import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { createSessionCookie } from "~/modules/organizers/session.server";
import { action as campaignDonate, loader as campaignDonateLoader } from "~/routes/campaigns.$slug.donate";
import { action as generalDonate } from "~/routes/donate._index";
import { action as manage } from "~/routes/donate.manage.$token";
import { action as testCheckout } from "~/routes/donate.test-checkout.$id";
import { action as testPortal } from "~/routes/donate.test-portal.$token";
import { loader as adminCsv } from "~/routes/admin.donations[.csv]";
import { action as adminAction, loader as adminList } from "~/routes/admin.donations";
import { loader as campaignPage } from "~/routes/campaigns.$slug._index";
import { loader as thanksLoader } from "~/routes/donate.thanks";
import { loader as cancelledLoader } from "~/routes/donate.cancelled";
import { callRoute, form, post } from "../support/remix";
import { startFakeStripe } from "../support/fake-stripe";
import { unwrap } from "../support/route-result";
import { makeOrganizer, seedContent } from "../factories";

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
const live = {
  STRIPE_SECRET_KEY: "sk_test_fake",
  STRIPE_WEBHOOK_SECRET: "whsec_checkout_tests",
  APP_URL: "http://localhost:3000",
};

beforeAll(async () => {
  fake = await startFakeStripe();
  overrideEnv({ ...live, STRIPE_API_BASE: fake.url });
  await seedContent();
});
afterAll(() => fake.close());

let nonceCounter = 0;
const nonce = () => `nonce${Date.now()}x${++nonceCounter}`.padEnd(20, "0");
const give = async (values: Record<string, string>, slug = "ask-moscow-beijing") =>
  callRoute(campaignDonate as never, post(`/campaigns/${slug}/donate`, form(values)), { slug });
const sessions = () => fake.requests.filter((r) => r.path === "/v1/checkout/sessions");

describe("the giving form", () => {
  it("creates one Checkout Session per submitted form, with campaign and supporter in its metadata", async () => {
    const values = {
      nonce: nonce(),
      amount: "2500",
      frequency: "one_time",
      name: "Pat Donor",
      email: "pat@example.org",
    };
    const start = sessions().length;
    const [a, b] = await Promise.all([give(values), give(values)]);
    const c = await give(values);
    expect([a.status, b.status, c.status]).toEqual([303, 303, 303]);
    const urls = new Set([a, b, c].map((r) => r.headers.get("Location")));
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const made = sessions().slice(start);
    expect(new Set(made.map((r) => r.idempotencyKey)).size).toBe(1);
    const p = made[0].params;
    expect(p.get("mode")).toBe("payment");
    expect(p.get("line_items[0][price_data][unit_amount]")).toBe("2500");
    expect(p.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(p.get("metadata[campaign]")).toBe("ask-moscow-beijing");
    expect(p.get("metadata[supporter_id]")).toMatch(/^\d+$/);
    expect(p.get("metadata[donation_id]")).toMatch(/^\d+$/);
    expect(p.get("success_url")).toContain("/donate/thanks?session_id={CHECKOUT_SESSION_ID}");
    const rows = await db()
      .selectFrom("donations")
      .selectAll()
      .where("email", "=", "pat@example.org")
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountCents: 2500, frequency: "one_time", status: "pending" });
    expect(
      await db()
        .selectFrom("consents")
        .select("id")
        .where("supporterId", "=", rows[0].supporterId!)
        .execute(),
    ).toEqual([]);
  });

  it("makes monthly gifts only by explicit choice, in subscription mode, and records consent only when ticked", async () => {
    const r = await give({
      nonce: nonce(),
      amount: "custom",
      customAmount: "40.50",
      frequency: "monthly",
      email: "monthly@example.org",
      updates: "on",
    });
    expect(r.status).toBe(303);
    const p = sessions().at(-1)!.params;
    expect(p.get("mode")).toBe("subscription");
    expect(p.get("line_items[0][price_data][recurring][interval]")).toBe("month");
    expect(p.get("line_items[0][price_data][unit_amount]")).toBe("4050");
    expect(p.get("subscription_data[metadata][campaign]")).toBe("ask-moscow-beijing");
    const d = await db()
      .selectFrom("donations")
      .selectAll()
      .where("email", "=", "monthly@example.org")
      .executeTakeFirstOrThrow();
    const consents = await db()
      .selectFrom("consents")
      .selectAll()
      .where("supporterId", "=", d.supporterId!)
      .execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ scope: "campaign", source: "donate:ask-moscow-beijing" });
    // without the frequency field, the gift is one time
    await give({ nonce: nonce(), amount: "1000" });
    expect(sessions().at(-1)!.params.get("mode")).toBe("payment");
  });

  it.each([
    ["-5", "customAmount"],
    ["0", "customAmount"],
    ["1e9", "customAmount"],
    ["1000000000", "customAmount"],
    ["10.005", "customAmount"],
    ["0.50", "customAmount"],
    ["10001", "customAmount"],
  ])("refuses the amount %s with a message", async (amount, field) => {
    const start = sessions().length;
    const r = await give({ nonce: nonce(), amount: "custom", customAmount: amount });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { fields: Record<string, string> };
    expect(body.fields[field]).toMatch(/amount|smallest|largest/i);
    expect(sessions().length).toBe(start);
  });

  it("refuses other currencies, unknown presets and a bad email with messages, creating nothing", async () => {
    const count = async () =>
      (
        await db()
          .selectFrom("donations")
          .select(db().fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const xxx = await give({ nonce: nonce(), amount: "2500", currency: "XXX" });
    expect(xxx.status).toBe(400);
    expect(((await xxx.json()) as { fields: Record<string, string> }).fields.currency).toMatch(/US dollars/);
    const preset = await give({ nonce: nonce(), amount: "-500" });
    expect(((await preset.json()) as { fields: Record<string, string> }).fields.amount).toMatch(/amount/i);
    const email = await give({ nonce: nonce(), amount: "2500", email: "not-an-email" });
    expect(((await email.json()) as { fields: Record<string, string> }).fields.email).toMatch(/email/i);
    const general = await callRoute(
      generalDonate as never,
      post("/donate", form({ nonce: nonce(), amount: "custom", customAmount: "abc" })),
    );
    expect(general.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("does not take gifts for campaigns without a fund", async () => {
    const r = await callRoute(
      campaignDonateLoader as never,
      new Request("http://localhost/campaigns/dpaa-director/donate"),
      { slug: "dpaa-director" },
    );
    expect(r.status).toBe(404);
  });

  it("opens Stripe's customer portal for a monthly donor", async () => {
    const d = await db()
      .selectFrom("donations")
      .selectAll()
      .where("email", "=", "monthly@example.org")
      .executeTakeFirstOrThrow();
    await db().updateTable("donations").set({ customerId: "cus_portal" }).where("id", "=", d.id).execute();
    const r = await callRoute(manage as never, post(`/donate/manage/${d.manageToken}`, form({})), {
      token: d.manageToken,
    });
    expect(r.headers.get("Location")).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\//);
    expect(fake.requests.at(-1)!.params.get("customer")).toBe("cus_portal");
  });
});

describe("test mode (no STRIPE_SECRET_KEY)", () => {
  it("runs the whole path locally: checkout page, signed events, roll-up, receipt, portal", async () => {
    overrideEnv({
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
      STRIPE_API_BASE: undefined,
    });
    try {
      const requestsBefore = fake.requests.length;
      const fundBefore = await db()
        .selectFrom("donationFunds")
        .innerJoin("campaigns", "campaigns.id", "donationFunds.campaignId")
        .selectAll("donationFunds")
        .where("slug", "=", "release-the-files")
        .executeTakeFirstOrThrow();
      const r = await give({ nonce: nonce(), amount: "5000", frequency: "monthly" }, "release-the-files");
      const location = r.headers.get("Location")!;
      expect(location).toMatch(/\/donate\/test-checkout\/cs_test_local_/);
      const id = location.split("/").pop()!;
      const paid = await callRoute(
        testCheckout as never,
        post(
          `/donate/test-checkout/${id}`,
          form({ intent: "pay", email: "tm@example.org", name: "Test Mode" }),
        ),
        { id },
      );
      expect(paid.headers.get("Location")).toContain(`/donate/thanks?session_id=${id}`);
      const d = await db()
        .selectFrom("donations")
        .selectAll()
        .where("checkoutSessionId", "=", id)
        .executeTakeFirstOrThrow();
      expect(d).toMatchObject({ status: "active", testMode: true, email: "tm@example.org" });
      const emails = await db()
        .selectFrom("emails")
        .selectAll()
        .where("toAddress", "=", "tm@example.org")
        .execute();
      expect(emails).toHaveLength(1);
      expect(emails[0].subject).toMatch(/^\[TEST\] Receipt for your monthly gift of \$50/);
      // second month, then cancel, through the local portal
      await callRoute(
        testPortal as never,
        post(`/donate/test-portal/${d.manageToken}`, form({ intent: "next-payment" })),
        { token: d.manageToken },
      );
      await callRoute(
        testPortal as never,
        post(`/donate/test-portal/${d.manageToken}`, form({ intent: "cancel" })),
        { token: d.manageToken },
      );
      const fundAfter = await db()
        .selectFrom("donationFunds")
        .selectAll()
        .where("campaignId", "=", fundBefore.campaignId)
        .executeTakeFirstOrThrow();
      expect([
        fundAfter.raisedCents - fundBefore.raisedCents,
        fundAfter.donorCount - fundBefore.donorCount,
      ]).toEqual([10000, 1]);
      expect(
        (await db().selectFrom("donations").select("status").where("id", "=", d.id).executeTakeFirstOrThrow())
          .status,
      ).toBe("canceled");
      expect(fake.requests.length).toBe(requestsBefore);
      // the campaign page reads the roll-up
      const page = (await (
        await callRoute(campaignPage as never, new Request("http://localhost/campaigns/release-the-files"), {
          slug: "release-the-files",
        })
      ).json()) as { giving: { raisedCents: number; donorCount: number } };
      expect(page.giving).toMatchObject({
        raisedCents: fundAfter.raisedCents,
        donorCount: fundAfter.donorCount,
      });
    } finally {
      overrideEnv({ ...live, STRIPE_API_BASE: fake.url });
    }
  });
});

describe("admin", () => {
  const cookieFor = async (role: "owner" | "editor" | "viewer") => {
    const o = await makeOrganizer(role);
    return (await createSessionCookie(o.id, "test")).split(";")[0];
  };
  it("shows donor emails to owners only, in the list and the CSV", async () => {
    for (const role of ["owner", "editor", "viewer"] as const) {
      const cookie = await cookieFor(role);
      const list = (await (
        await callRoute(
          adminList as never,
          new Request("http://localhost/admin/donations", { headers: { Cookie: cookie } }),
        )
      ).json()) as {
        showEmail: boolean;
        donations: Array<{ email: string | null; name: string }>;
        byMonth: unknown[];
      };
      expect(list.showEmail).toBe(role === "owner");
      expect(list.donations.some((d) => d.email === "pat@example.org")).toBe(role === "owner");
      expect(list.byMonth).toHaveLength(12);
      const csv = await callRoute(
        adminCsv as never,
        new Request("http://localhost/admin/donations.csv?campaign=", { headers: { Cookie: cookie } }),
      );
      const text = await csv.text();
      expect(csv.headers.get("Content-Type")).toMatch(/text\/csv/);
      expect(text.split("\r\n")[0].includes("email")).toBe(role === "owner");
      expect(text.includes("pat@example.org")).toBe(role === "owner");
      expect(text.includes("Pat Donor")).toBe(role !== "viewer");
    }
  });

  it("lets editors, not viewers, set a goal, which opens a campaign to gifts (audited)", async () => {
    const dpaa = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    const viewer = await callRoute(
      adminAction as never,
      post("/admin/donations", form({ campaignId: String(dpaa.id), goal: "10000" }), {
        Cookie: await cookieFor("viewer"),
      }),
    );
    expect(viewer.status).toBe(403);
    const editorCookie = await cookieFor("editor");
    const bad = await callRoute(
      adminAction as never,
      post("/admin/donations", form({ campaignId: String(dpaa.id), goal: "-3" }), { Cookie: editorCookie }),
    );
    expect(bad.status).toBe(400);
    const ok = await callRoute(
      adminAction as never,
      post("/admin/donations", form({ campaignId: String(dpaa.id), goal: "10,000" }), {
        Cookie: editorCookie,
      }),
    );
    expect(ok.status).toBe(303);
    expect(
      await db()
        .selectFrom("donationFunds")
        .select("goalCents")
        .where("campaignId", "=", dpaa.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ goalCents: 1_000_000 });
    expect(
      await db().selectFrom("auditLog").select("action").where("action", "=", "donations.goal").execute(),
    ).toHaveLength(1);
    const page = await (
      await callRoute(
        campaignDonateLoader as never,
        new Request("http://localhost/campaigns/dpaa-director/donate"),
        { slug: "dpaa-director" },
      )
    ).json();
    expect(page.campaign.slug).toBe("dpaa-director");
  });
});

describe("the checkout's return pages keep the giving page's language", () => {
  it("a gift from the Korean giving page returns to /ko/donate/thanks or /ko/donate/cancelled, in Korean", async () => {
    const slug = "ask-moscow-beijing";
    const start = sessions().length;
    const r = await callRoute(
      campaignDonate as never,
      post(`/ko/campaigns/${slug}/donate`, form({ nonce: nonce(), amount: "2500", frequency: "one_time" })),
      { slug },
    );
    expect(r.status).toBe(303);
    const sessionId = r.headers.get("Location")!.split("/").pop()!;
    const p = sessions().slice(start)[0].params;
    expect(p.get("success_url")).toBe(
      "http://localhost:3000/ko/donate/thanks?session_id={CHECKOUT_SESSION_ID}",
    );
    expect(p.get("cancel_url")).toBe(`http://localhost:3000/ko/donate/cancelled?campaign=${slug}`);
    // Stripe sends the giver to success_url with the session's id: that page is Korean.
    const back = new URL(p.get("success_url")!.replace("{CHECKOUT_SESSION_ID}", sessionId));
    const thanks = await unwrap(await callRoute(thanksLoader as never, new Request(back), {}));
    expect(thanks.data).toMatchObject({
      title: "감사합니다",
      gift: { amountCents: 2500, status: "pending" },
    });
    const cancelled = await unwrap(
      await callRoute(cancelledLoader as never, new Request(p.get("cancel_url")!), {}),
    );
    expect(cancelled.data).toMatchObject({ title: "후원이 완료되지 않았습니다", campaign: slug });
    // An English page keeps the unprefixed addresses.
    const before = sessions().length;
    await give({ nonce: nonce(), amount: "2500", frequency: "one_time" });
    expect(sessions().slice(before)[0].params.get("success_url")).toBe(
      "http://localhost:3000/donate/thanks?session_id={CHECKOUT_SESSION_ID}",
    );
  });

  it("in test mode the local checkout returns to the page's language too; an unknown locale is English", async () => {
    overrideEnv({
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
      STRIPE_API_BASE: undefined,
    });
    try {
      const slug = "release-the-files";
      const r = await callRoute(
        campaignDonate as never,
        post(`/ru/campaigns/${slug}/donate`, form({ nonce: nonce(), amount: "2500", frequency: "one_time" })),
        { slug },
      );
      const location = r.headers.get("Location")!;
      expect(location).toMatch(/^\/donate\/test-checkout\/cs_test_local_\w+\?locale=ru$/);
      const id = new URL(location, "http://localhost").pathname.split("/").pop()!;
      const cancel = await callRoute(
        testCheckout as never,
        post(`/donate/test-checkout/${id}?locale=ru`, form({ intent: "cancel" })),
        { id },
      );
      expect(cancel.headers.get("Location")).toBe(`/ru/donate/cancelled?campaign=${slug}`);
      const odd = await callRoute(
        testCheckout as never,
        post(`/donate/test-checkout/${id}?locale=xx`, form({ intent: "cancel" })),
        { id },
      );
      expect(odd.headers.get("Location")).toBe(`/donate/cancelled?campaign=${slug}`);
      const paid = await callRoute(
        testCheckout as never,
        post(
          `/donate/test-checkout/${id}?locale=ru`,
          form({ intent: "pay", email: "ru@example.org", name: "Иван" }),
        ),
        { id },
      );
      expect(paid.headers.get("Location")).toBe(`/ru/donate/thanks?session_id=${id}`);
      const thanks = await unwrap(
        await callRoute(
          thanksLoader as never,
          new Request(`http://localhost/ru/donate/thanks?session_id=${id}`),
          {},
        ),
      );
      expect(thanks.data).toMatchObject({ title: "Спасибо", gift: { amountCents: 2500, testMode: true } });
    } finally {
      overrideEnv({ ...live, STRIPE_API_BASE: fake.url });
    }
  });
});
