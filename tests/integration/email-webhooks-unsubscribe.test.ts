import { randomBytes } from "node:crypto";
import { Webhook } from "svix";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { queueEmail, sendQueuedEmail } from "~/modules/mail/mail.server";
import { createMailing, runMailing, scheduleMailing } from "~/modules/mail/mailings.server";
import { parseUnsubscribeToken, unsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { isCrossSite } from "~/modules/security/origin.server";
import { action as oneClick, loader as oneClickGet } from "~/routes/unsubscribe.$token_.one-click";
import { action as unsubscribeAction, loader as unsubscribePage } from "~/routes/unsubscribe.$token";
import { action as webhook } from "~/routes/webhooks.resend";
import { makeCampaign, makeOrganizer } from "../factories";
import { makeSubscribers } from "../factories/mail";
import { FakeResend } from "../support/fake-resend";
import { callRouteRaw as callRoute, form, post } from "../support/remix";

const fake = new FakeResend();
const secret = `whsec_${randomBytes(24).toString("base64")}`;
let organizer: { id: number };

beforeAll(async () => {
  const url = await fake.start();
  overrideEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: url, RESEND_WEBHOOK_SECRET: secret });
  organizer = await makeOrganizer("owner");
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

function signed(
  payload: unknown,
  options: { id?: string; at?: Date; secret?: string; tamper?: (body: string) => string } = {},
) {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? secret).sign(id, at, body);
  const sent = options.tamper ? options.tamper(body) : body;
  return new Request("http://localhost/webhooks/resend", {
    method: "POST",
    body: sent,
    headers: {
      "Content-Type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  });
}

async function sendUpdate(campaignId: number) {
  const created = await createMailing(organizer.id, {
    subject: "News",
    bodyMd: "News",
    audience: "campaign-subscribers",
    campaignId,
  });
  if (!created.ok) throw new Error("no mailing");
  await scheduleMailing(organizer.id, created.id, new Date());
  await runMailing(created.id, { requestsPerSecond: 0 });
  return created.id;
}

describe("POST /webhooks/resend", () => {
  const event = {
    type: "email.delivered",
    created_at: new Date().toISOString(),
    data: { email_id: "fake-none", to: ["x@example.org"] },
  };

  it.each([
    ["a wrong secret", () => signed(event, { secret: `whsec_${randomBytes(24).toString("base64")}` })],
    ["a stale timestamp (10 minutes old)", () => signed(event, { at: new Date(Date.now() - 10 * 60_000) })],
    [
      "an altered body",
      () => signed(event, { tamper: (b) => b.replace("email.delivered", "email.bounced") }),
    ],
    [
      "no signature at all",
      () => new Request("http://localhost/webhooks/resend", { method: "POST", body: JSON.stringify(event) }),
    ],
  ])("answers 400 to %s and records nothing", async (_name, make) => {
    const res = (await callRoute(webhook, make())) as Response;
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_signature");
    expect(await db().selectFrom("emailEvents").select("id").execute()).toEqual([]);
  });

  it("records delivered and opened figures once per svix-id, and a bounce suppresses the address for the next update", async () => {
    const campaign = await makeCampaign();
    await makeSubscribers(db(), 3, { prefix: `hook-${campaign.id}-`, campaignId: campaign.id });
    const first = await sendUpdate(campaign.id);
    const rows = await db()
      .selectFrom("deliveries")
      .select(["id", "email", "providerId"])
      .where("mailingId", "=", first)
      .orderBy("id")
      .execute();
    const [a, b] = rows;
    const delivered = signed(
      {
        type: "email.delivered",
        created_at: new Date().toISOString(),
        data: { email_id: a.providerId, to: [a.email] },
      },
      { id: "msg_delivered_a" },
    );
    expect(((await callRoute(webhook, delivered)) as Response).status).toBe(200);
    const again = (await callRoute(
      webhook,
      signed(
        { type: "email.delivered", data: { email_id: a.providerId, to: [a.email] } },
        { id: "msg_delivered_a" },
      ),
    )) as Response;
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    await callRoute(
      webhook,
      signed({ type: "email.opened", data: { email_id: a.providerId, to: [a.email] } }),
    );
    const bounce = signed({
      type: "email.bounced",
      data: {
        email_id: b.providerId,
        to: [b.email],
        bounce: { type: "Permanent", message: "mailbox does not exist" },
      },
    });
    expect(((await callRoute(webhook, bounce)) as Response).status).toBe(200);

    const figures = await db()
      .selectFrom("deliveries")
      .select(["email", "deliveredAt", "openedAt", "bouncedAt"])
      .where("mailingId", "=", first)
      .orderBy("id")
      .execute();
    expect(figures[0].deliveredAt).not.toBeNull();
    expect(figures[0].openedAt).not.toBeNull();
    expect(figures[1].bouncedAt).not.toBeNull();
    expect(await db().selectFrom("emailEvents").select("svixId").execute()).toHaveLength(3);
    expect(await db().selectFrom("suppressions").select(["emailCanonical", "reason"]).execute()).toEqual([
      { emailCanonical: b.email, reason: "bounce" },
    ]);

    fake.reset();
    await sendUpdate(campaign.id);
    expect(fake.acceptedRecipients().sort()).toEqual([a.email, rows[2].email].sort());
  });

  it("a complaint suppresses transactional mail too: sendQueuedEmail marks it suppressed and sends nothing", async () => {
    const res = (await callRoute(
      webhook,
      signed({ type: "email.complained", data: { email_id: "fake-x", to: ["Angry.Person@Example.org"] } }),
    )) as Response;
    expect(res.status).toBe(200);
    const { id } = await db()
      .transaction()
      .execute((trx) =>
        queueEmail(trx, {
          kind: "test",
          to: "angry.person@example.org",
          subject: "Receipt",
          html: "<p>x</p>",
          text: "x",
          idempotencyKey: "complaint-test:1",
        }),
      );
    await sendQueuedEmail(id!, 1, 10);
    expect(
      (await db().selectFrom("emails").select("status").where("id", "=", id!).executeTakeFirstOrThrow())
        .status,
    ).toBe("suppressed");
    expect(fake.requests).toEqual([]);
  });
});

describe("/unsubscribe/:token", () => {
  async function subscriber() {
    const campaign = await makeCampaign();
    const [id] = await makeSubscribers(db(), 1, { prefix: `page-${campaign.id}-`, campaignId: campaign.id });
    await db()
      .insertInto("consents")
      .values({
        supporterId: id,
        campaignId: null,
        scope: "all",
        wording: "Everything",
        source: "test",
        provenAt: new Date(),
      })
      .execute();
    return { campaign, id, token: unsubscribeToken(id, campaign.id) };
  }
  const active = (id: number) =>
    db()
      .selectFrom("consents")
      .select(["scope", "campaignId"])
      .where("supporterId", "=", id)
      .where("withdrawnAt", "is", null)
      .orderBy("scope")
      .execute();

  it("a tampered or malformed token gets 400 on every method", async () => {
    const { token } = await subscriber();
    const tampered = token.replace(/^(\d+)/, (m) => String(Number(m) + 1));
    const last = token.at(-1)!;
    // a different mac (another canonical ending) and the same mac bytes spelt another way
    const otherMac = `${token.slice(0, -1)}${last === "A" ? "Q" : "A"}`;
    const sameBytesOtherSpelling = `${token.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
    for (const bad of [tampered, otherMac, sameBytesOtherSpelling, `${token}=`, "nonsense"]) {
      expect(
        (
          (await callRoute(unsubscribePage, new Request(`http://localhost/unsubscribe/${bad}`), {
            token: bad,
          })) as Response
        ).status,
      ).toBe(400);
      expect(
        (
          (await callRoute(
            oneClick,
            new Request(`http://localhost/unsubscribe/${bad}/one-click`, { method: "POST" }),
            { token: bad },
          )) as Response
        ).status,
      ).toBe(400);
    }
  });

  it("accepts exactly one spelling of a token: every other last character is refused", () => {
    const token = unsubscribeToken(42, 7);
    expect(parseUnsubscribeToken(token)).toEqual({ supporterId: 42, campaignId: 7 });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const others = [...alphabet].filter((c) => c !== token.at(-1)).map((c) => `${token.slice(0, -1)}${c}`);
    expect(others).toHaveLength(63);
    expect(others.filter((t) => parseUnsubscribeToken(t) !== null)).toEqual([]);
  });

  it("GET shows the choices and changes nothing; POST 'this campaign' withdraws that campaign only; a replay is harmless", async () => {
    const { campaign, id, token } = await subscriber();
    const page = (await callRoute(unsubscribePage, new Request(`http://localhost/unsubscribe/${token}`), {
      token,
    })) as { campaign: { title: string }; email: string };
    expect(page.campaign.title).toBe(campaign.title);
    expect(page.email).not.toContain(`page-${campaign.id}-1@`);
    expect(await active(id)).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      const res = await callRoute(
        unsubscribeAction,
        post(`/unsubscribe/${token}`, form({ choice: "campaign" })),
        { token },
      );
      expect((res as { data: { done: string } }).data.done).toBe("campaign");
    }
    expect(await active(id)).toEqual([{ scope: "all", campaignId: null }]);
    const bad = await callRoute(
      unsubscribeAction,
      post(`/unsubscribe/${token}`, form({ choice: "sideways" })),
      { token },
    );
    expect((bad as { init: { status: number } }).init.status).toBe(400);
    await callRoute(unsubscribeAction, post(`/unsubscribe/${token}`, form({ choice: "all" })), { token });
    expect(await active(id)).toEqual([]);
  });

  it("one-click: a POST from a foreign origin with no cookies works; a GET changes nothing", async () => {
    const { id, token } = await subscriber();
    const path = `/unsubscribe/${token}/one-click`;
    const foreign = {
      origin: "https://mail.google.com",
      "sec-fetch-site": "cross-site",
      host: "campaign.example.org",
    };
    expect(isCrossSite({ method: "POST", path, headers: foreign }, "https://campaign.example.org")).toBe(
      false,
    );
    // The page's own form is not exempt: a cross-site POST to it is refused by the origin check.
    expect(
      isCrossSite(
        { method: "POST", path: `/unsubscribe/${token}`, headers: foreign },
        "https://campaign.example.org",
      ),
    ).toBe(true);
    expect(
      isCrossSite(
        { method: "POST", path: "/unsubscribe/x/one-click", headers: foreign },
        "https://campaign.example.org",
      ),
    ).toBe(true);

    const get = (await callRoute(oneClickGet, new Request(`http://localhost${path}`), { token })) as Response;
    expect(get.status).toBe(302);
    expect(await active(id)).toHaveLength(2);

    const res = (await callRoute(
      oneClick,
      new Request(`http://localhost${path}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.google.com" },
      }),
      { token },
    )) as Response;
    expect(res.status).toBe(200);
    expect(await active(id)).toEqual([{ scope: "all", campaignId: null }]);
    const replay = (await callRoute(
      oneClick,
      new Request(`http://localhost${path}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      { token },
    )) as Response;
    expect(replay.status).toBe(200);
    expect(await active(id)).toEqual([{ scope: "all", campaignId: null }]);
  });
});
