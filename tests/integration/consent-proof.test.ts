import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { audienceSize } from "~/modules/mail/mailings.server";
import { applyUnsubscribe, parseUnsubscribeToken, unsubscribeToken } from "~/modules/mail/unsubscribe.server";
import {
  confirmationToken,
  confirmSignature,
  sendConfirmationBatch,
} from "~/modules/petitions/confirmation.server";
import { payTestCheckout } from "~/modules/donations/test-mode.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { action as generalDonate } from "~/routes/donate._index";
import { makeSubscribers } from "../factories/mail";
import { callRoute, callRouteRaw, form, post } from "../support/remix";
import { makePetition, signatureRows, zipDistricts } from "../support/petitions";

/**
 * Issue 10 item 5: a public form does not prove that the address typed into it is the visitor's.
 * Its consent is pending, counts for no update, and puts nobody who unsubscribed back on a list,
 * until the address's owner confirms that very action (the signature, the payment).
 */
beforeAll(async () => {
  overrideEnv({
    STRIPE_SECRET_KEY: undefined,
    STRIPE_WEBHOOK_SECRET: undefined,
    APP_URL: "http://localhost:3000",
  });
  await zipDistricts([{ zip: "05401", state: "VT", district: 0 }]);
});

let n = 0;
/** A supporter who once confirmed and subscribed to `campaignId`'s updates (or everything), then unsubscribed from everything. */
async function unsubscribed(campaignId: number | null) {
  n++;
  const prefix = `gone-${Date.now().toString(36)}-${n}-`;
  const [id] = await makeSubscribers(db(), 1, {
    prefix,
    ...(campaignId ? { campaignId } : { scope: "all" as const }),
  });
  await applyUnsubscribe(parseUnsubscribeToken(unsubscribeToken(id, campaignId))!, "all");
  return { id, email: `${prefix}1@example.org` };
}

const subscribers = (campaignId: number) => audienceSize("campaign-subscribers", campaignId);

async function signAs(slug: string, email: string) {
  const values = { firstName: "Mallory", lastName: "Attacker", email, zip: "05401", optIn: "on" };
  const r = (await callRouteRaw(
    signAction as never,
    post(`/campaigns/${slug}/sign`, form(values)),
    { slug },
    { clientIp: "198.51.100.70" },
  )) as Response;
  expect(r.status).toBe(302);
}

describe("the petition form", () => {
  it("does not put an address that unsubscribed back on the list until the signature is confirmed from it", async () => {
    const p = await makePetition();
    const victim = await unsubscribed(p.campaignId);
    expect(await subscribers(p.campaignId)).toBe(0);

    await signAs(p.slug, victim.email);
    const consent = await db()
      .selectFrom("consents")
      .selectAll()
      .where("supporterId", "=", victim.id)
      .where("withdrawnAt", "is", null)
      .execute();
    expect(consent).toHaveLength(1);
    expect(consent[0]).toMatchObject({ provenAt: null, proof: expect.stringMatching(/^signature:\d+$/) });
    expect(await subscribers(p.campaignId)).toBe(0);

    await sendConfirmationBatch();
    const [sig] = await signatureRows(p.petitionId);
    expect((await confirmSignature(confirmationToken(sig.id))).kind).toBe("confirmed");
    expect(await subscribers(p.campaignId)).toBe(1);
  });

  it("on a petition that needs no confirmation, the signature counts but the opt-in stays pending", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const victim = await unsubscribed(p.campaignId);
    await signAs(p.slug, victim.email);
    expect((await signatureRows(p.petitionId))[0].state).toBe("confirmed");
    expect(await subscribers(p.campaignId)).toBe(0);
  });

  it("confirming one signature proves only its own consent, not one someone else gave for the address", async () => {
    const a = await makePetition();
    const b = await makePetition();
    const victim = await unsubscribed(null);
    await signAs(a.slug, victim.email);
    await signAs(b.slug, victim.email);
    await sendConfirmationBatch();
    const [sigB] = await signatureRows(b.petitionId);
    await confirmSignature(confirmationToken(sigB.id));
    expect(await subscribers(b.campaignId)).toBe(1);
    expect(await subscribers(a.campaignId)).toBe(0);
  });
});

describe("the general giving form (scope: everything)", () => {
  let k = 0;
  const give = (email: string) =>
    callRoute(
      generalDonate as never,
      post(
        "/donate",
        form({
          nonce: `consent-nonce-${Date.now()}-${++k}`.padEnd(20, "0"),
          amount: "2500",
          frequency: "one_time",
          name: "Mallory",
          email,
          updates: "on",
        }),
      ),
      {},
      { clientIp: "198.51.100.71" },
    );
  const everyoneIncludes = async (supporterId: number) => {
    const consents = await db()
      .selectFrom("consents")
      .select(["provenAt"])
      .where("supporterId", "=", supporterId)
      .where("scope", "=", "all")
      .where("withdrawnAt", "is", null)
      .execute();
    return consents.some((c) => c.provenAt !== null);
  };

  it("records nothing that counts when nobody pays, and the consent counts once the gift is paid", async () => {
    const victim = await unsubscribed(null);
    const before = (await audienceSize("everyone", null)) ?? 0;
    const r = await give(victim.email);
    expect(r.status).toBe(303);
    expect(await audienceSize("everyone", null)).toBe(before);
    expect(await everyoneIncludes(victim.id)).toBe(false);

    const sessionId = r.headers.get("Location")!.split("/").pop()!;
    expect(await payTestCheckout(sessionId, { email: victim.email })).toMatch(/^\/donate\/thanks/);
    expect(await everyoneIncludes(victim.id)).toBe(true);
    expect(await audienceSize("everyone", null)).toBe(before + 1);
  });
});
