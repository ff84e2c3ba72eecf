import { inject } from "vitest";

/*
 * Every translated page in each of the five languages: its lang, hreflang alternates, the
 * switcher, axe, no sideways scroll at 375 px, fonts from this site; and the petition block's
 * interface text. The journeys through those pages are in i18n.test.ts.
 */
import type { Browser } from "playwright-core";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { makeCampaign } from "../factories";
import { makeSigner } from "../factories/signers";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { overrideEnv } from "~/env.server";
import { letterCopyToken } from "~/modules/letters/letter-copy.server";
import { E2E_SESSION_SECRET } from "../support/urls";
import { baseUrl, launchBrowser, newPage, screenshot, seriousViolations } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  connectDatabase(inject("serverDatabaseUrl"), 2);
  // The server's secret, so this process can write a letter set's copy link (letterCopyToken).
  overrideEnv({ SESSION_SECRET: E2E_SESSION_SECRET });
});
afterAll(async () => {
  await browser?.close();
  await closeDatabase();
});

const LANGUAGES = [
  {
    prefix: "",
    lang: "en",
    tip: "Send a tip",
    help: "Help identify",
    lost: "We could not find that page",
    positions: "Positions on our campaigns",
    letters: "Thank you, Wanda. Now deliver your letters",
  },
  {
    prefix: "/ko",
    lang: "ko",
    tip: "제보하기",
    help: "신원 확인 돕기",
    lost: "페이지를 찾을 수 없습니다",
    positions: "우리 캠페인에 대한 입장",
    letters: "Wanda 님, 감사합니다. 이제 편지를 전달해 주세요",
  },
  {
    prefix: "/ru",
    lang: "ru",
    tip: "Сообщить сведения",
    help: "Помогите опознать",
    lost: "Мы не нашли эту страницу",
    positions: "Позиция по нашим кампаниям",
    letters: "Спасибо, Wanda. Теперь доставьте ваши письма",
  },
  {
    prefix: "/zh-Hans",
    lang: "zh-Hans",
    tip: "提供线索",
    help: "帮助辨认",
    lost: "我们找不到这个页面",
    positions: "对我们倡议活动的立场",
    letters: "Wanda，谢谢您。现在请递送您的信件",
  },
  {
    prefix: "/zh-Hant",
    lang: "zh-Hant",
    tip: "提供線索",
    help: "協助辨認",
    lost: "我們找不到這個網頁",
    positions: "對我們倡議行動的立場",
    letters: "Wanda，謝謝您。現在請遞送您的信件",
  },
];
const PAGES = [
  "/",
  "/about",
  "/cases",
  "/cases/sam-logan",
  "/cases/help-identify",
  "/tips/new",
  "/tips/sent",
  "/campaigns/ask-moscow-beijing",
  "/campaigns/ask-moscow-beijing/sign",
  "/campaigns/ask-moscow-beijing/donate",
  "/campaigns/ask-moscow-beijing/letter",
  // The letter form itself (Burlington, Vermont: one district).
  "/campaigns/ask-moscow-beijing/letter?zip=05401",
  // Where Stripe's checkout returns a giver (without a session: the general thanks).
  "/donate/thanks",
  "/donate/cancelled?campaign=ask-moscow-beijing",
  // A member of Congress (the scorecard links here in the page's language).
  "/members/S000033",
];

/**
 * A letter set written from a language's form (one letter to Senator Sanders, so the reply form
 * shows): its private page, /letters/<token>, and the page its copy link opens join the loop
 * under that language's prefix.
 */
async function letterSet(lang: string) {
  const campaign = await db()
    .selectFrom("campaigns")
    .select("id")
    .where("slug", "=", "ask-moscow-beijing")
    .executeTakeFirstOrThrow();
  const writer = await makeSigner(
    db(),
    campaign.id,
    { state: "VT", zip: "05401" },
    { name: `writer-${lang}` },
  );
  const token = `i18n-${lang}-${Date.now().toString(36)}-abcdefghijklmnop`.slice(0, 32);
  const sub = await db()
    .insertInto("letterSubmissions")
    .values({
      token,
      idempotencyKey: token,
      campaignId: campaign.id,
      supporterId: writer.id,
      firstName: "Wanda",
      lastName: "Writer",
      street: "1 Main St",
      city: "Burlington",
      state: "VT",
      zip: "05401",
      language: lang,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("letters")
    .values({
      submissionId: sub.id,
      campaignId: campaign.id,
      supporterId: writer.id,
      position: 0,
      recipientKind: "senate",
      bioguide: "S000033",
      recipientName: "Bernard Sanders",
      recipientTitle: "Senator",
      recipientAddress: ["332 Dirksen Senate Office Building", "Washington, DC 20510"],
      state: "VT",
      subject: "Ask Moscow and Beijing",
      body: "Dear Senator Sanders,\n\nPlease act.\n\nSincerely,\nWanda Writer",
      method: "contact_form",
    })
    .execute();
  return { delivery: `/letters/${token}`, copy: `/letters/copy/${letterCopyToken(sub.id)}` };
}

describe("every translated page in five languages", () => {
  it.each(LANGUAGES)(
    "$lang: every translated page has its lang, alternates, no serious axe violation, no sideways scroll at 375 px",
    async ({ prefix, lang, tip, help, lost, positions, letters }) => {
      const { context, page, errors } = await newPage(browser, { viewport: { width: 375, height: 800 } });
      const { delivery, copy } = await letterSet(lang);
      const fonts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "font") fonts.push(r.url());
      });
      for (const path of [...PAGES, delivery, copy]) {
        const url = path === "/" ? prefix || "/" : `${prefix}${path}`;
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        expect(await page.locator("html").getAttribute("lang"), url).toBe(lang);
        const alternates = await page
          .locator('link[rel="alternate"][hreflang]')
          .evaluateAll((ls) => ls.map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]));
        expect(
          alternates.map(([h]) => h),
          url,
        ).toEqual(["en", "ko", "ru", "zh-Hans", "zh-Hant", "x-default"]);
        for (const [, href] of alternates) expect(href, url).toMatch(/^https?:\/\//);
        expect(await page.locator(".language-switcher a[aria-current]").getAttribute("lang"), url).toBe(lang);
        expect(
          await page.getByRole("navigation", { name: /./ }).first().getByRole("link", { name: tip }).count(),
          url,
        ).toBe(1);
        expect(await seriousViolations(page), url).toEqual([]);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(wide, url).toBeLessThanOrEqual(375);
      }
      // A lost address answers in its prefix's language.
      const missing = await page.goto(`${prefix}/no-such-page`);
      expect(missing?.status()).toBe(404);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      await page.getByRole("heading", { level: 1, name: lost }).waitFor();
      expect(await page.locator(`main a[href="${prefix}/cases"]`).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(page, `i18n-404-${lang}`);
      // Back from an unfinished checkout: the campaign's giving page in the same language.
      await page.goto(`${prefix}/donate/cancelled?campaign=ask-moscow-beijing`);
      expect(await page.locator("main a.button").getAttribute("href")).toBe(
        `${prefix}/campaigns/ask-moscow-beijing/donate`,
      );
      await page.goto(`${prefix}/campaigns/ask-moscow-beijing/sign`);
      await screenshot(page, `i18n-sign-${lang}`);
      await page.goto(`${prefix}/members/S000033`);
      await page.getByRole("heading", { level: 2, name: positions }).waitFor();
      // The writer's private page: its chrome in the language, the letter itself English, marked.
      await page.goto(`${prefix}${delivery}`);
      await page.getByRole("heading", { level: 1, name: letters }).waitFor();
      expect(await page.locator("textarea.letter-copy").getAttribute("lang")).toBe(
        lang === "en" ? null : "en",
      );
      await screenshot(page, `i18n-letters-${lang}`);
      await screenshot(page, `i18n-member-${lang}`);
      await page.goto(`${prefix}/cases/help-identify`);
      await page.getByRole("heading", { level: 1, name: help }).waitFor();
      await screenshot(page, `i18n-help-identify-${lang}`);
      await page.goto(`${prefix}/cases/sam-logan`);
      // Sam Logan's case file is translated in every language: no fallback note.
      expect(await page.locator(".translation-note").count()).toBe(0);
      await screenshot(page, `i18n-sam-logan-${lang}`);
      await page.goto(`${prefix}/tips/new`);
      await screenshot(page, `i18n-tip-form-${lang}`);
      // Fonts come from this site only; a Korean or Chinese page gets its own script's font.
      for (const url of fonts) expect(url.startsWith(baseUrl())).toBe(true);
      const family = { ko: "noto-sans-kr", "zh-Hans": "noto-sans-sc", "zh-Hant": "noto-sans-tc" }[
        lang as "ko"
      ];
      if (family) expect(fonts.some((u) => u.includes(`/build/_assets/${family}-`))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
    // Fifteen pages with axe each, on a shared two-core machine.
    240_000,
  );

  it("the petition block on a translated campaign page is in the page's language; only the ask stays English, marked", async () => {
    const campaign = await makeCampaign({ title: "Ask Moscow about the men moved from Korea" });
    await db()
      .insertInto("petitions")
      .values({
        campaignId: campaign.id,
        ask: "We ask the Secretary of State to raise the missing men with Moscow.",
        goal: 1000,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .execute();
    // Counted signers with their names shown (recent signers, states, districts) and one waiting.
    for (const name of ["Alice", "Boris", "Chen"]) {
      const { id } = await makeSigner(
        db(),
        campaign.id,
        { state: "VT", zip: "05401", district: 0 },
        { name },
      );
      await db().updateTable("signatures").set({ showName: true }).where("supporterId", "=", id).execute();
    }
    await makeSigner(db(), campaign.id, { state: "NY", zip: "10001", district: 12 }, { confirmed: false });
    await rollUpSignatures();
    const { context, page, errors } = await newPage(browser, { viewport: { width: 375, height: 800 } });
    for (const { prefix, lang } of LANGUAGES.filter((l) => l.lang !== "en")) {
      const url = `${prefix}/campaigns/${campaign.slug}`;
      expect((await page.goto(url))?.status(), url).toBe(200);
      const petition = page.locator("#petition");
      expect(await petition.locator(".petition-recent li").count(), url).toBe(3);
      expect(await petition.locator("blockquote.petition-ask").getAttribute("lang"), url).toBe("en");
      // Every word of interface text in the block: not inside English-marked text, a link to
      // copy, or what signers wrote (names, towns, states, districts).
      const chrome = await petition.evaluate((root) => {
        const skip = '[lang="en"], code, .petition-recent, td, details p, option, .petition-honeypot';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const words: string[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest(skip)) continue;
          words.push(n.textContent ?? "");
        }
        for (const el of root.querySelectorAll("[aria-label]"))
          words.push(el.getAttribute("aria-label") ?? "");
        return words.join(" ");
      });
      const english = (chrome.match(/[A-Za-z]{3,}/g) ?? []).filter(
        (w) => !["Facebook", "Twitter", "ZIP"].includes(w),
      );
      expect(english, url).toEqual([]);
      // Share links carry the page's language.
      expect(await petition.locator("code").textContent(), url).toContain(
        `${prefix}/campaigns/${campaign.slug}?source=share`,
      );
      expect(await page.locator("html").getAttribute("lang"), url).toBe(lang);
      expect(await seriousViolations(page), url).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(375);
    }
    await page.goto(`/ru/campaigns/${campaign.slug}`);
    await page
      .getByText("Ещё 1 подпись ждёт подтверждения по электронной почте.", { exact: false })
      .waitFor();
    await page.getByRole("heading", { name: "Недавно подписали" }).waitFor();
    await screenshot(page, "i18n-petition-ru");
    await page.goto(`/ko/campaigns/${campaign.slug}`);
    await page.getByRole("heading", { name: "최근 서명자" }).waitFor();
    await screenshot(page, "i18n-petition-ko");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
