import { db } from "~db/index.server";
import { appUrl, env, overrideEnv } from "~/env.server";
import { signatureSchema } from "~/modules/petitions/petitions.schema";
import { signPetition } from "~/modules/petitions/signing.server";
import { recordSignature } from "~/modules/osdi/signature-helper.server";
import { eraseSupporter } from "~/modules/supporters/erasure.server";
import { supporterExport } from "~/modules/supporters/record.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { action as confirmAction, loader as confirmLoader } from "~/routes/confirm.$token";
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
 * in it with links under its prefix. English stays exactly as it was (golden files in __emails__,
 * recorded from the English-only templates before they were translated).
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
  // React's invisible text-node separators (<!-- -->) depend on how a sentence is split, not on what it says.
  return `Subject: ${fix(mail.subject)}\n\n${fix(mail.text)}\n\n${fix(mail.html).replaceAll("<!-- -->", "")}\n`;
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

describe("a signature keeps the language of the page it was given on", () => {
  it("the one-row and the batched statement store it; the API and other callers keep English", async () => {
    const p = await petition();
    const wait = env().SIGN_BATCH_WAIT_MS;
    overrideEnv({ SIGN_BATCH_WAIT_MS: 50 }); // the four go into one statement
    try {
      const batch = ["", "/ko", "/ru", "/zh-Hant"].map((prefix) => ({ prefix, values: fields() }));
      await Promise.all(batch.map((b) => signOn(b.prefix, p.slug, b.values)));
      const rows = await signatureRows(p.petitionId);
      const byEmail = new Map(rows.map((r) => [r.emailCanonical, r]));
      expect(batch.map((b) => byEmail.get(b.values.email)?.language)).toEqual(["en", "ko", "ru", "zh-Hant"]);
      expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(1);
    } finally {
      overrideEnv({ SIGN_BATCH_WAIT_MS: wait });
    }
    const maxRows = env().SIGN_BATCH_MAX_ROWS;
    overrideEnv({ SIGN_BATCH_MAX_ROWS: 1 }); // the one-row statement
    try {
      const one = fields();
      await signOn("/zh-Hans", p.slug, one);
      const api = fields();
      await signPetition(p.slug, signatureSchema.parse(api), { ip: "203.0.113.9", userAgent: null });
      const osdi = fields().email;
      const person = {
        given_name: "Grace",
        family_name: "Hopper",
        email_addresses: [{ address: osdi, primary: true }],
        postal_addresses: [{ postal_code: "05401", country: "US" }],
      };
      const helper = await recordSignature(p.petitionId, "application/json", JSON.stringify({ person }), {
        ip: "203.0.113.9",
        userAgent: null,
      });
      expect(helper.kind).toBe("created");
      const rows = await signatureRows(p.petitionId);
      expect(rows.find((r) => r.emailCanonical === one.email)?.language).toBe("zh-Hans");
      expect(rows.find((r) => r.emailCanonical === api.email)?.language).toBe("en");
      expect(rows.find((r) => r.emailCanonical === osdi)?.language).toBe("en");
    } finally {
      overrideEnv({ SIGN_BATCH_MAX_ROWS: maxRows });
    }
  });
});

describe("the emails in the signer's language", () => {
  it("Korean: a Korean confirmation with /ko links, a Korean note on signing again, a Korean thanks", async () => {
    const p = await petition();
    const values = fields();
    await signOn("/ko", p.slug, values);
    const [sig] = await signatureRows(p.petitionId);
    expect(sig.language).toBe("ko");
    await sendConfirmationBatch();
    const token = confirmationToken(sig.id);
    const [mail] = await emailsTo(values.email);
    expect(mail.subject).toBe(`서명을 확인해 주십시오: ${p.title}`);
    expect(mail.html).toContain('<html dir="ltr" lang="ko">');
    expect(mail.html).toContain(`href="${appUrl()}/ko/confirm/${token}"`);
    expect(mail.html).toContain(`href="${appUrl()}/ko/confirm/${token}?not-me=1"`);
    expect(mail.html).not.toContain(`${appUrl()}/confirm/`);
    expect(mail.text).toContain("이메일 주소를 확인하시면 서명이 집계됩니다");
    expect(mail.text).toContain("이 링크는 30일 동안 어느 기기에서나 쓸 수 있습니다.");
    expect(mail.text).toContain("제가 아닙니다: 이 서명 삭제하기");
    // No Korean title written: the English one, marked as English.
    expect(mail.html).toContain(`“<span lang="en">${p.title}</span>”`);
    // The address is not proven: nothing the requester typed.
    expect(mail.html + mail.text).not.toContain("Jane");
    expect(mail.html + mail.text).not.toMatch(/%%|\{\{/);

    await signOn("/ko", p.slug, values);
    await sendAlreadySignedBatch();
    const again = (await emailsTo(values.email))[1];
    expect(again.kind).toBe("signature-already-signed");
    expect(again.subject).toBe(`이미 서명하셨습니다: ${p.title}`);
    expect(again.html).toContain('lang="ko"');
    expect(again.html).toContain(`href="${appUrl()}/ko/confirm/${token}"`);
    expect(again.html).toContain(`href="${appUrl()}/ko/campaigns/${p.slug}"`);
    expect(again.text).toContain("서명은 아직 확인을 기다리고 있습니다.");

    const done = (await confirmOn("/ko", token)) as { view: { kind: string; receipt: string } };
    expect(done.view.kind).toBe("confirmed");
    const thanks = (await emailsTo(values.email))[2];
    expect(thanks.kind).toBe("signature-confirmed");
    expect(thanks.subject).toBe(`서명이 확인되었습니다: ${p.title}`);
    expect(thanks.html).toContain('lang="ko"');
    expect(thanks.text).toContain("Jane님, 안녕하십니까.");
    expect(thanks.html).toContain(`href="${appUrl()}/ko/campaigns/${p.slug}?source=email"`);
    expect(thanks.text).toContain(`서명 영수증 코드: ${done.view.receipt}.`);
    // The public log's page is English: the link says so.
    expect(thanks.html).toContain(`hrefLang="en"`);
    expect(thanks.html).toContain(`${appUrl()}/transparency/petitions/${p.slug}`);
  });

  it("Russian, with the campaign's own Russian title and Intl plurals; the same petition in English stays English", async () => {
    const p = await petition();
    await db()
      .insertInto("campaignTranslations")
      .values({ campaignId: p.campaignId, locale: "ru", title: "Спросите Москву и Пекин" })
      .execute();
    const ru = fields();
    const en = fields();
    await signOn("/ru", p.slug, ru);
    await signOn("", p.slug, en);
    await sendConfirmationBatch();
    const [mail] = await emailsTo(ru.email);
    expect(mail.subject).toBe("Подтвердите подпись: Спросите Москву и Пекин");
    expect(mail.html).toContain('lang="ru"');
    expect(mail.text).toContain("Спасибо, что подписали петицию «Спросите Москву и Пекин».");
    expect(mail.text).toContain("Она действует 30 дней на любом устройстве.");
    expect(mail.html).not.toContain('lang="en"');
    expect(mail.html).toMatch(new RegExp(`href="${appUrl()}/ru/confirm/[\\w-]+\\?not-me=1"`));
    const [english] = await emailsTo(en.email);
    expect(english.subject).toBe(`Confirm your signature: ${p.title}`);
    expect(english.html).toContain('lang="en"');
    expect(english.html).not.toContain("/ru/");

    // The page the link opens names the campaign as the email did; the English page keeps English.
    const sig = (await signatureRows(p.petitionId)).find((r) => r.emailCanonical === ru.email)!;
    const token = confirmationToken(sig.id);
    const page = (await callRouteRaw(
      confirmLoader as never,
      new Request(`http://localhost/ru/confirm/${token}`),
      { token },
    )) as { data: { view: { kind: string; title: string; titleLang: string } } };
    expect(page.data.view).toMatchObject({
      kind: "pending",
      title: "Спросите Москву и Пекин",
      titleLang: "ru",
    });
    const englishPage = (await callRouteRaw(
      confirmLoader as never,
      new Request(`http://localhost/confirm/${token}`),
      { token },
    )) as { data: { view: { title: string; titleLang: string } } };
    expect(englishPage.data.view).toMatchObject({ title: p.title, titleLang: "en" });
    const done = (await confirmOn("/ru", token)) as { view: { kind: string } };
    expect(done.view.kind).toBe("confirmed");
    const thanks = (await emailsTo(ru.email))[1];
    expect(thanks.subject).toBe("Ваша подпись подтверждена: Спросите Москву и Пекин");
    expect(thanks.text).toContain("Здравствуйте, Jane!");
    expect(thanks.html).toContain(`href="${appUrl()}/ru/campaigns/${p.slug}?source=email"`);
  });

  it("a batch renders once per petition and language: same-language emails differ only in their links", async () => {
    const p = await petition();
    const q = await petition();
    const signers = [
      { prefix: "/ko", slug: p.slug, values: fields() },
      { prefix: "/ko", slug: p.slug, values: fields() },
      { prefix: "/zh-Hans", slug: p.slug, values: fields() },
      { prefix: "", slug: p.slug, values: fields() },
      { prefix: "/ko", slug: q.slug, values: fields() },
    ];
    for (const s of signers) await signOn(s.prefix, s.slug, s.values);
    await sendConfirmationBatch();
    const bodies = [];
    for (const s of signers) {
      const [mail] = await emailsTo(s.values.email);
      const sig = await db()
        .selectFrom("signatures")
        .select("id")
        .where("emailCanonical", "=", s.values.email)
        .executeTakeFirstOrThrow();
      const token = confirmationToken(sig.id);
      expect(mail.html).toContain(`${appUrl()}${s.prefix}/confirm/${token}`);
      bodies.push(mail.html.replaceAll(token, "TOKEN"));
    }
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).not.toBe(bodies[0]);
    expect(bodies[2]).toContain('lang="zh-Hans"');
    expect(bodies[2]).toContain("确认您的电子邮件地址后");
    expect(bodies[3]).toContain("Your signature counts once you confirm");
    expect(bodies[4]).toContain('lang="ko"');
    expect(bodies[4]).not.toBe(bodies[0]); // another petition: its own title
  });
});

describe("the supporter's own record", () => {
  it("lists the signature's language in the download, and erasure keeps it (it names no one)", async () => {
    const p = await petition();
    const values = fields();
    await signOn("/ko", p.slug, values);
    const [sig] = await signatureRows(p.petitionId);
    const download = JSON.parse((await supporterExport(sig.supporterId))!);
    expect(download.signatures).toMatchObject([
      { petitionId: p.petitionId, language: "ko", firstName: "Jane" },
    ]);
    expect(await eraseSupporter(sig.supporterId, { by: "supporter" })).toMatchObject({ ok: true });
    const [after] = await signatureRows(p.petitionId);
    expect(after).toMatchObject({ language: "ko", firstName: "", lastName: "" });
  });
});
