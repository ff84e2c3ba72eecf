import { db } from "~db/index.server";
import { appUrl } from "~/env.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { letterCopyToken, sendLetterCopy } from "~/modules/letters/letter-copy.server";
import * as letterRoute from "~/routes/campaigns.$slug.letter";
import { action as deliveryAction, loader as deliveryLoader } from "~/routes/letters.$token";
import { loader as copyLoader } from "~/routes/letters.copy.$token";
import { seedContent } from "../factories";
import { callRouteRaw, form, post } from "../support/remix";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

/*
 * A letter writer's language carries through: the submission stores the language of the letter
 * form page it was posted on, the writer lands on their private page under that prefix, and the
 * email carrying that page's link is written in it. English stays exactly as it was (golden file
 * in __emails__, recorded from the English-only template before it was translated).
 */

beforeAll(async () => {
  await seedContent();
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearDistrictCache();
});

let k = 0;
function writer() {
  k++;
  return {
    zip: "05401",
    seat: "VT-0",
    firstName: "Jane",
    lastName: "Doe",
    street: "12 Main St",
    city: "Burlington",
    email: `letter-language-${Date.now().toString(36)}-${k}@example.org`,
    personalNote: "My uncle never came home.",
    idempotencyKey: `letter-language-${Date.now()}-${k}-${Math.random().toString(36).slice(2)}`,
  };
}

/** Sends the letters from the form page of a language ("" for English); the redirect and the stored row. */
async function sendOn(prefix: string) {
  const values = writer();
  const res = (await callRouteRaw(
    letterRoute.action as never,
    post(`${prefix}/campaigns/dpaa-director/letter`, form({ ...values, intent: "send" })),
    { slug: "dpaa-director" },
    { clientIp: `203.0.113.${40 + k}` },
  )) as Response;
  expect(res.status).toBe(302);
  const row = await db()
    .selectFrom("letterSubmissions")
    .select(["id", "token", "language"])
    .where("idempotencyKey", "=", values.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { values, row, location: res.headers.get("location") };
}

async function copyEmail(submissionId: number, to: string) {
  await sendLetterCopy(letterCopyToken(submissionId));
  return db()
    .selectFrom("emails")
    .select(["subject", "text", "html"])
    .where("toAddress", "=", to)
    .where("kind", "=", "letter-copy")
    .executeTakeFirstOrThrow();
}

describe("a letter set keeps the language of the form it was sent from", () => {
  it("English: stored 'en', the private page unprefixed, the copy email exactly as before", async () => {
    const { values, row, location } = await sendOn("");
    expect(row.language).toBe("en");
    expect(location).toBe(`/letters/${row.token}`);
    const request = await db()
      .selectFrom("emails")
      .select(["subject", "text", "html"])
      .where("toAddress", "=", values.email)
      .where("kind", "=", "letter-copy-request")
      .executeTakeFirstOrThrow();
    const mail = await copyEmail(row.id, values.email);
    const copyToken = letterCopyToken(row.id);
    const fix = (s: string) =>
      s.replaceAll(copyToken, "COPY").replaceAll(row.token, "TOKEN").replaceAll(values.email, "EMAIL");
    await expect(
      `Subject: ${fix(request.subject)}\n\n${fix(request.text)}\n\n${fix(request.html).replaceAll("<!-- -->", "")}\n`,
    ).toMatchFileSnapshot("./__emails__/letter-copy-request.en.txt");
    await expect(
      `Subject: ${fix(mail.subject)}\n\n${fix(mail.text)}\n\n${fix(mail.html).replaceAll("<!-- -->", "")}\n`,
    ).toMatchFileSnapshot("./__emails__/letter-copy.en.txt");
  });

  it("Korean: stored 'ko', the private page under /ko, the copy email in Korean with the /ko link", async () => {
    const { values, row, location } = await sendOn("/ko");
    expect(row.language).toBe("ko");
    expect(location).toBe(`/ko/letters/${row.token}`);
    // The first email (a link to ask for the copy) is Korean too, its link under /ko.
    const request = await db()
      .selectFrom("emails")
      .select(["subject", "text", "html"])
      .where("toAddress", "=", values.email)
      .where("kind", "=", "letter-copy-request")
      .executeTakeFirstOrThrow();
    expect(request.subject).toMatch(/^보내신 편지의 사본 받기: /);
    expect(request.html).toMatch(/<html[^>]*lang="ko"/);
    expect(request.text).toContain(`${appUrl()}/ko/letters/copy/${letterCopyToken(row.id)}`);
    expect(request.text).toContain("7일 동안 유효합니다");
    expect(request.html).toMatch(/<span lang="en">Senator Bernard Sanders/);
    const copyPage = (await callRouteRaw(
      copyLoader as never,
      new Request(`http://localhost/ko/letters/copy/${letterCopyToken(row.id)}`),
      { token: letterCopyToken(row.id) },
    )) as { data: { pageTitle: string; view: { kind: string } } };
    expect(copyPage.data.view.kind).toBe("ready");
    expect(copyPage.data.pageTitle).toMatch(/^보내신 편지 \| /);
    const mail = await copyEmail(row.id, values.email);
    expect(mail.subject).toMatch(/편지/);
    expect(mail.html).toMatch(/<html[^>]*lang="ko"/);
    expect(mail.text).toContain(`${appUrl()}/ko/letters/${row.token}`);
    expect(mail.text).not.toContain(`${appUrl()}/letters/${row.token}`);
    expect(mail.text).not.toMatch(/Dear Jane|Thank you for writing/);
    // The letters themselves stay English, marked.
    expect(mail.text).toContain("Dear Senator Sanders");
    expect(mail.html).toMatch(/lang="en"/);
    // The page the link opens speaks Korean.
    const page = (await callRouteRaw(
      deliveryLoader as never,
      new Request(`http://localhost/ko/letters/${row.token}`),
      { token: row.token },
    )) as { pageTitle: string };
    expect(page.pageTitle).toMatch(/^편지 전달하기 \| /);
  });

  it("the reply form on the Korean page answers in Korean; on the English page in the schema's words", async () => {
    const { row } = await sendOn("/ko");
    const reply = async (prefix: string) => {
      const body = new FormData();
      body.append("target", "nobody");
      body.append("body", "");
      const res = (await callRouteRaw(
        deliveryAction as never,
        new Request(`http://localhost${prefix}/letters/${row.token}`, { method: "POST", body }),
        { token: row.token },
      )) as {
        data: { sent: boolean; message: string; fields: Record<string, string> };
        init: { status: number };
      };
      expect(res.init.status).toBe(400);
      expect(res.data.sent).toBe(false);
      return res.data;
    };
    const ko = await reply("/ko");
    expect(ko.message).toBe("답장이 아직 보내지지 않았습니다. 아래 표시된 부분을 고쳐 주세요.");
    expect(ko.fields.target).toBe("편지를 보낸 사무실 중 하나를 선택해 주세요.");
    const en = await reply("");
    expect(en.message).toBe("Your reply was not sent yet. Please correct what is marked below.");
    expect(en.fields.target).toBe("Choose who said it.");
  });

  it("Russian, with the campaign's own Russian title: the copy email and the private page name it in Russian", async () => {
    const campaign = await db()
      .selectFrom("campaigns")
      .select(["id", "title"])
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("campaignTranslations")
      .values({ campaignId: campaign.id, locale: "ru", title: "Назначьте постоянного директора" })
      .onConflict((oc) =>
        oc.columns(["campaignId", "locale"]).doUpdateSet({ title: "Назначьте постоянного директора" }),
      )
      .execute();
    const { values, row, location } = await sendOn("/ru");
    expect(row.language).toBe("ru");
    expect(location).toBe(`/ru/letters/${row.token}`);
    const mail = await copyEmail(row.id, values.email);
    expect(mail.subject).toBe("Ваши письма: Назначьте постоянного директора");
    expect(mail.html).toMatch(/<html[^>]*lang="ru"/);
    expect(mail.text).toContain(`${appUrl()}/ru/letters/${row.token}`);
    const page = async (prefix: string) =>
      (
        (await callRouteRaw(
          deliveryLoader as never,
          new Request(`http://localhost${prefix}/letters/${row.token}`),
          {
            token: row.token,
          },
        )) as { submission: { campaignTitle: string; campaignTitleLang: string } }
      ).submission;
    expect(await page("/ru")).toMatchObject({
      campaignTitle: "Назначьте постоянного директора",
      campaignTitleLang: "ru",
    });
    // Any language's page opens the same letters; the English one names the campaign in English.
    expect(await page("")).toMatchObject({ campaignTitle: campaign.title, campaignTitleLang: "en" });
  });
});
