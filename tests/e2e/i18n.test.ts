import { inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { makeOrganizer } from "../factories";
import { makePng } from "../factories/files";
import { launchBrowser, newPage, screenshot, seriousViolations, waitForHydration } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  connectDatabase(inject("serverDatabaseUrl"), 2);
});
afterAll(async () => {
  await browser?.close();
  await closeDatabase();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/admin");
}

describe("the investigation in five languages", () => {
  it("a Korean reader is offered Korean, sends a tip with a photo in Korean, gets a Korean receipt; an organizer finds it by a Korean word and marks it for translation", async () => {
    const { context, page, errors } = await newPage(browser, { locale: "ko-KR" });
    const res = await page.goto("/cases/help-identify");
    // Offered, never redirected: the URL the visitor chose stays, in English.
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/cases/help-identify");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const offer = page.locator(".language-offer");
    expect(await offer.getAttribute("lang")).toBe("ko");
    await screenshot(page, "i18n-offer-ko");
    await offer.getByRole("link", { name: "한국어로 보기" }).click();
    await page.waitForURL("**/ko/cases/help-identify");
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.getByRole("heading", { level: 1, name: "신원 확인 돕기" }).waitFor();
    expect(await page.locator(".language-switcher a[aria-current]").textContent()).toBe("한국어");
    await waitForHydration(page);
    await page.getByRole("link", { name: /아는 사람이 있습니다 \(“평양 영상/ }).click();
    await page.waitForURL("**/ko/tips/new?media=pyongyang-pow-footage");
    expect(await page.locator(".tip-about").textContent()).toContain("평양 영상");
    await waitForHydration(page);
    await page
      .getByLabel("무엇을 알고 계십니까?")
      .fill("왼쪽에서 두 번째 남자는 제 삼촌 김철수입니다. 1953년 평양에서 보았습니다.");
    await page.getByLabel("이메일").fill("jokha@example.org");
    await page
      .getByLabel("사진 또는 문서 (선택)")
      .setInputFiles([{ name: "samchon.png", mimeType: "image/png", buffer: await makePng(48) }]);
    await screenshot(page, "i18n-tip-form-ko");
    await page.getByRole("button", { name: "제보 보내기" }).click();
    await page.waitForURL("**/ko/tips/sent?ref=*");
    await page.getByRole("heading", { level: 1, name: "감사합니다. 제보를 받았습니다." }).waitFor();
    const reference = (await page.locator(".tip-reference").textContent())!.trim();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "i18n-tip-sent-ko");
    expect(errors).toEqual([]);
    await context.close();

    const tip = await db()
      .selectFrom("tips")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ language: "ko", needsTranslation: false });
    expect(tip.body).toContain("삼촌");
    const receipt = await db()
      .selectFrom("emails")
      .selectAll()
      .where("idempotencyKey", "=", `tip-receipt:${tip.id}`)
      .executeTakeFirstOrThrow();
    expect(receipt.subject).toBe(`제보를 받았습니다 (접수 번호 ${reference})`);
    expect(receipt.html).toContain('lang="ko"');
    expect(receipt.text).toContain("제보해 주셔서 감사합니다");
    expect(receipt.text).toContain("“평양 영상 속 인물의 신원 확인을 도와주십시오”에 대한 제보입니다.");
    expect(receipt.text).not.toContain("삼촌");

    const editor = await makeOrganizer("editor", { name: "Mi-ok Editor" });
    const admin = await newPage(browser);
    await signIn(admin.page, editor.email, editor.password);
    // "삼촌" is inside a word ("삼촌"), "평양에서" carries a particle: both are found.
    for (const q of ["삼촌", "평양"]) {
      await admin.page.goto(`/admin/tips?q=${encodeURIComponent(q)}`);
      await admin.page.getByRole("link", { name: reference }).waitFor();
    }
    await admin.page.getByRole("link", { name: reference }).click();
    await admin.page.waitForURL("**/admin/tips/*");
    expect(await admin.page.locator(".tip-text").first().getAttribute("lang")).toBe("ko");
    expect(await admin.page.getByText("Written in Korean").count()).toBe(1);
    await waitForHydration(admin.page);
    await admin.page.getByRole("button", { name: "Mark as needing translation" }).click();
    await admin.page.waitForURL("**?saved=translation");
    await admin.page.locator("h1 .tip-needs-translation").waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await screenshot(admin.page, "i18n-tip-detail");
    await admin.page.goto("/admin/tips?translation=needed");
    await admin.page.getByRole("link", { name: reference }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();
    const marked = await db()
      .selectFrom("tips")
      .select("needsTranslation")
      .where("id", "=", tip.id)
      .executeTakeFirstOrThrow();
    expect(marked.needsTranslation).toBe(true);
  });

  it("a Korean reader signs on the Korean sign page: Korean messages, a Korean thanks, Korean emails whose links open Korean pages; the story falls back with its note", async () => {
    const { context, page, errors } = await newPage(browser, { viewport: { width: 375, height: 800 } });
    await page.goto("/ko/campaigns/ask-moscow-beijing");
    // The seed has no Korean story for this campaign: English, marked, with the note.
    expect(await page.locator(".translation-note").count()).toBe(1);
    expect(await page.locator("article.prose > div").first().getAttribute("lang")).toBe("en");
    await page.goto("/ko/campaigns/ask-moscow-beijing/sign");
    await waitForHydration(page);
    await page.getByRole("button", { name: "청원에 서명하기" }).click();
    await page.getByText("이름을 입력해 주세요(최대 60자).").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "i18n-sign-errors-ko");
    await page.getByLabel("이름", { exact: true }).fill("민수");
    await page.getByLabel("성", { exact: true }).fill("김");
    await page.getByLabel("이메일", { exact: true }).fill("minsu.kim@example.org");
    await page.getByLabel("국가", { exact: true }).selectOption("KR");
    expect(await page.locator("#country option[value=KR]").textContent()).toBe("대한민국");
    await page.getByRole("button", { name: "청원에 서명하기" }).click();
    await page.waitForURL("**/ko/campaigns/ask-moscow-beijing/sign?signed=*");
    await page.getByText("서명해 주셔서 감사합니다.").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "i18n-sign-thanks-ko");
    // The confirmation email is Korean, and its links open the Korean pages.
    const emailTo = async (kind: string) => {
      for (let i = 0; i < 80; i++) {
        const mail = await db()
          .selectFrom("emails")
          .select(["subject", "html", "text"])
          .where("toAddress", "=", "minsu.kim@example.org")
          .where("kind", "=", kind)
          .executeTakeFirst();
        if (mail) return mail;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`no ${kind} email`);
    };
    const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1]));
    const mail = await emailTo("signature-confirmation");
    expect(mail.subject).toMatch(/^서명을 확인해 주십시오: /);
    expect(mail.html).toContain('lang="ko"');
    const links = hrefs(mail.html);
    const confirmLink = links.find((u) => /^\/ko\/confirm\/[\w-]+$/.test(u.pathname) && !u.search);
    const notMeLink = links.find((u) => u.search === "?not-me=1");
    expect(confirmLink, "no Korean confirmation link").toBeDefined();
    expect(notMeLink?.pathname).toBe(confirmLink?.pathname);
    await page.goto(`${notMeLink!.pathname}${notMeLink!.search}`);
    await page.getByRole("heading", { level: 1, name: "이 서명을 삭제할까요?" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(confirmLink!.pathname);
    await page.getByRole("heading", { level: 1, name: "서명을 확인해 주세요" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    expect(await page.locator(".lead span[lang=en]").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "서명 확인하기" }).click();
    await page.getByRole("heading", { level: 1, name: "서명이 확인되었습니다" }).waitFor();
    expect(await page.locator(`main a[href="/ko/campaigns/ask-moscow-beijing"]`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "i18n-confirmed-ko");
    // The thanks email is Korean too; its campaign link opens the Korean campaign page.
    const thanks = await emailTo("signature-confirmed");
    expect(thanks.subject).toMatch(/^서명이 확인되었습니다: /);
    expect(thanks.text).toContain("민수님, 안녕하십니까.");
    const share = hrefs(thanks.html).find((u) => u.pathname === "/ko/campaigns/ask-moscow-beijing");
    expect(share?.search).toBe("?source=email");
    await page.goto(`${share!.pathname}${share!.search}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    expect(await seriousViolations(page)).toEqual([]);
    const lost = await page.goto("/ru/confirm/not-a-real-token-at-all");
    expect(lost?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Мы не узнаём эту ссылку" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a case without a translation falls back to English with a visible note and its own lang", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/ru/cases/richard-desautels");
    expect(await page.locator(".translation-note").textContent()).toBe(
      "Ещё не переведено на русский: показан английский текст.",
    );
    expect(await page.locator("p.lead").getAttribute("lang")).toBe("en");
    await context.close();
  });

  it("the case search finds Sam Logan in Hangul, Cyrillic and Chinese characters", async () => {
    const { context, page } = await newPage(browser);
    for (const [prefix, q] of [
      ["/ko", "로건"],
      ["/ru", "Логан"],
      ["/zh-Hans", "洛根"],
      ["", "山姆"],
    ]) {
      await page.goto(`${prefix}/cases?q=${encodeURIComponent(q)}`);
      expect(await page.locator(`.card a[href$="/cases/sam-logan"]`).count(), q).toBe(1);
    }
    // Russian's plural forms come from Intl: "1 личное дело".
    await page.goto(`/ru/cases?q=${encodeURIComponent("Логан")}`);
    expect(await page.locator("[aria-live]").textContent()).toContain("Найдено 1 личное дело.");
    await context.close();
  });

  it("remembers the choice: after reading Korean an English page offers Korean; choosing English stops it", async () => {
    const { context, page } = await newPage(browser, { locale: "en-US" });
    await page.goto("/cases");
    expect(await page.locator(".language-offer").count()).toBe(0);
    await page.goto("/ko/cases");
    await page.goto("/cases");
    expect(await page.locator(".language-offer").getAttribute("lang")).toBe("ko");
    await page.locator(".language-switcher").getByRole("link", { name: "English" }).click();
    await page.waitForURL("**/cases?lang=en");
    await page.goto("/cases/sam-logan");
    expect(await page.locator(".language-offer").count()).toBe(0);
    // Traditional Chinese for a browser in Taiwan.
    const tw = await newPage(browser, { locale: "zh-TW" });
    await tw.page.goto("/");
    expect(await tw.page.locator(".language-offer a").getAttribute("href")).toBe("/zh-Hant");
    await tw.context.close();
    await context.close();
  });
});
