import { db } from "~db/index.server";
import { sendAlreadySignedBatch, sendConfirmationBatch } from "~/modules/petitions/confirmation.server";
import {
  allowPublicMail,
  publicMailLimit,
  recipientMailLimit,
} from "~/modules/security/recipient-limit.server";
import { setSetting } from "~/modules/settings/settings.server";
import { tipFormSchema } from "~/modules/tips/tips.schema";
import { submitTip } from "~/modules/tips/tips.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { callRouteRaw, form, post } from "../support/remix";
import { makePetition, zipDistricts } from "../support/petitions";

/**
 * Issue 10 item 8: our mail is not a relay. Mail that a public form sends to the address typed
 * into it is limited per inbox (case, +tags and Gmail's dots are one inbox) and in all, and
 * carries nothing the requester wrote.
 */
beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));

let ip = 10;
async function sign(slug: string, email: string, firstName = "Jane") {
  const values = { firstName, lastName: "Doe", email, zip: "05401" };
  // A new visitor address each time: the per-visitor limit is not what is tested here.
  const r = (await callRouteRaw(
    signAction as never,
    post(`/campaigns/${slug}/sign`, form(values)),
    { slug },
    { clientIp: `198.51.100.${++ip}` },
  )) as Response;
  expect(r.status).toBe(302);
}

const mailTo = (pattern: string) =>
  db()
    .selectFrom("emails")
    .select(["toAddress", "kind", "text", "html"])
    .where("toAddress", "ilike", pattern)
    .orderBy("id")
    .execute();

describe("petition confirmations", () => {
  it("send at most the per-inbox limit to +tag and case variants of one address", async () => {
    const p = await makePetition();
    const variants = Array.from({ length: 9 }, (_, i) =>
      `Victim+${i}@Example.org`.replace("Victim", i % 2 ? "VICTIM" : "victim"),
    );
    for (const v of variants) await sign(p.slug, v);
    await sendConfirmationBatch();
    const sent = await mailTo("victim%@example.org");
    expect(sent).toHaveLength(5);
    expect(sent.every((m) => m.kind === "signature-confirmation")).toBe(true);
  });

  it("count Gmail's dots, +tags and googlemail.com as one inbox, across petitions and already-signed notes", async () => {
    const local = `relay${Date.now().toString(36)}`;
    const variant = (i: number) =>
      `${local.slice(0, i)}.${local.slice(i)}+p${i}@${i % 2 ? "googlemail.com" : "gmail.com"}`;
    const petitions = [];
    for (let i = 1; i <= 4; i++) petitions.push(await makePetition());
    for (const [i, p] of petitions.entries()) {
      await sign(p.slug, variant(i + 1));
      await sign(p.slug, variant(i + 2)); // the same signer again: an "already signed" note is owed
    }
    await sendConfirmationBatch();
    await sendAlreadySignedBatch();
    const owed = petitions.length * 2;
    // One supporter (one canonical address): every email goes to the address first typed.
    const sent = await db().selectFrom("emails").select("kind").where("toAddress", "=", variant(1)).execute();
    expect(owed).toBe(8);
    expect(sent).toHaveLength(5);
  });

  it("carry no name the signer typed", async () => {
    const p = await makePetition();
    const email = `named-${Date.now().toString(36)}@example.org`;
    await sign(p.slug, email, "Buy cheap watches at spam.example");
    await sendConfirmationBatch();
    const [m] = await mailTo(email);
    expect(m.kind).toBe("signature-confirmation");
    expect(m.text + m.html).not.toContain("spam.example");
  });

  it("are not held back by the global limit: a petition's biggest day loses no confirmation", async () => {
    await setSetting(publicMailLimit, { max: 3, windowSeconds: 86_400 * 7 }, null);
    try {
      const p = await makePetition();
      const stamp = Date.now().toString(36);
      for (let i = 0; i < 6; i++) await sign(p.slug, `global-${stamp}-${i}@example.org`);
      await sendConfirmationBatch();
      expect(await mailTo(`global-${stamp}-%`)).toHaveLength(6);
    } finally {
      await setSetting(publicMailLimit, { max: 2000, windowSeconds: 3600 }, null);
    }
  });

  it("other public-form mail stops at the global limit, whatever the addresses", async () => {
    await setSetting(publicMailLimit, { max: 3, windowSeconds: 86_400 * 7 }, null);
    try {
      const stamp = Date.now().toString(36);
      const addresses = Array.from({ length: 6 }, (_, i) => `global-other-${stamp}-${i}@example.org`);
      const allowed = await allowPublicMail(addresses);
      expect(allowed.filter(Boolean)).toHaveLength(3);
      expect(allowed.slice(3)).toEqual([false, false, false]);
    } finally {
      await setSetting(publicMailLimit, { max: 2000, windowSeconds: 3600 }, null);
    }
  });
});

describe("tip receipts", () => {
  it("carry neither the tip nor the typed name, and stop at the per-inbox limit", async () => {
    await setSetting(recipientMailLimit, { max: 2, windowSeconds: 3600 }, null);
    try {
      const email = `tipster-${Date.now().toString(36)}@example.org`;
      const tip = tipFormSchema.parse({
        body: "Visit spam.example for the truth.",
        name: "Win prizes at spam.example",
        email,
      });
      const made = [];
      for (let i = 0; i < 4; i++)
        made.push(await submitTip({ ...tip, email: email.replace("@", `+${i}@`) }, [], null));
      expect(made).toHaveLength(4); // every tip is kept
      const receipts = await mailTo(email.replace("@", "+%@"));
      expect(receipts).toHaveLength(2);
      for (const r of receipts) {
        expect(r.kind).toBe("tip-receipt");
        expect(r.text + r.html).not.toContain("spam.example");
      }
    } finally {
      await setSetting(recipientMailLimit, { max: 5, windowSeconds: 3600 }, null);
    }
  });
});
