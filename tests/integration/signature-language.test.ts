import { db } from "~db/index.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { action as confirmAction } from "~/routes/confirm.$token";
import {
  confirmationToken,
  sendAlreadySignedBatch,
  sendConfirmationBatch,
} from "~/modules/petitions/confirmation.server";
import { callRouteRaw, form, post } from "../support/remix";
import { makePetition, signatureRows, zipDistricts } from "../support/petitions";

/*
 * A signer's language carries through to their emails: the signature stores the language of the
 * page it was given on, and the confirmation, "already signed" and "confirmed" emails are written
 * in it with links under its prefix. English stays exactly as it was (golden files beside this test).
 */

beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));

let k = 0;
function fields(overrides: Record<string, string> = {}) {
  k++;
  return {
    firstName: "Jane",
    lastName: "Doe",
    email: `language-${Date.now().toString(36)}-${k}@example.org`,
    zip: "05401",
    ...overrides,
  };
}

/** Posts the signing form on the page of a language ("" for English). */
function signOn(prefix: string, slug: string, values: Record<string, string>) {
  return callRouteRaw(signAction as never, post(`${prefix}/campaigns/${slug}/sign`, form(values)), { slug });
}

function confirmOn(prefix: string, token: string) {
  return callRouteRaw(
    confirmAction as never,
    post(`${prefix}/confirm/${token}`, form({ intent: "confirm" })),
    {
      token,
    },
  );
}

function emailsTo(to: string) {
  return db().selectFrom("emails").selectAll().where("toAddress", "=", to).orderBy("id").execute();
}

/** An email with what differs between runs (the petition, its token, the receipt) put in words. */
function normalised(
  mail: { subject: string; html: string; text: string },
  p: { slug: string; title: string },
  token: string,
  receipt = "",
) {
  const fix = (s: string) => {
    let out = s.replaceAll(token, "TOKEN").replaceAll(p.slug, "SLUG").replaceAll(p.title, "TITLE");
    if (receipt) out = out.replaceAll(receipt, "RECEIPT");
    return out;
  };
  return `Subject: ${fix(mail.subject)}\n\n${fix(mail.text)}\n\n${fix(mail.html)}\n`;
}

async function petition() {
  const p = await makePetition();
  const c = await db()
    .selectFrom("campaigns")
    .select("title")
    .where("id", "=", p.campaignId)
    .executeTakeFirstOrThrow();
  return { ...p, title: c.title };
}

describe("English signatures: the emails exactly as before", () => {
  it("confirmation, already signed and confirmed emails are unchanged", async () => {
    const p = await petition();
    const values = fields();
    await signOn("", p.slug, values);
    const [sig] = await signatureRows(p.petitionId);
    await sendConfirmationBatch();
    const token = confirmationToken(sig.id);
    await signOn("", p.slug, values);
    await sendAlreadySignedBatch();
    const confirmed = (await confirmOn("", token)) as { view: { receipt: string } };
    const mails = await emailsTo(values.email);
    expect(mails.map((m) => m.kind)).toEqual([
      "signature-confirmation",
      "signature-already-signed",
      "signature-confirmed",
    ]);
    for (const m of mails)
      await expect(normalised(m, p, token, confirmed.view.receipt)).toMatchFileSnapshot(
        `./__emails__/${m.kind}.en.txt`,
      );
  });
});
