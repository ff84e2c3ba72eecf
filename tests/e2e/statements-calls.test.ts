import type { Browser, Page } from "playwright-core";
import { sql } from "kysely";
import { db } from "~db/index.server";
import { sendStatementNews } from "~/modules/statements/news.server";
import { makeOrganizer } from "../factories";
import { makeSigner } from "../factories/signers";
import { launchBrowser, newPage, screenshot, seriousViolations, waitForHydration } from "../support/browser";
import { useServerDatabase } from "../support/server-database";

/*
 * Closing the loop (issue 13): an organizer records and verifies Senator Sanders' reply for the
 * DPAA campaign; the scorecard shows it; the confirmed, consenting signers from Vermont (and
 * only they) get one email each; a second run sends none; a caller from 05401 sees the Sanders
 * script for "supports", reports a voicemail, and the organizer sees the call.
 */
useServerDatabase();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SANDERS = "S000033";
const run = Date.now().toString(36);

/** A signer of the DPAA petition. */
async function signer(
  name: string,
  state: string,
  zip: string,
  opts: { confirmed?: boolean; consent?: boolean } = {},
) {
  const campaign = await db()
    .selectFrom("campaigns")
    .select("id")
    .where("slug", "=", "dpaa-director")
    .executeTakeFirstOrThrow();
  return makeSigner(db(), campaign.id, { state, zip }, { name: `${name}-${run}`, ...opts });
}

async function signIn(page: Page, path: string) {
  const organizer = await makeOrganizer("editor", { name: "Ella Editor" });
  await page.goto(path);
  await page.getByLabel("Email").fill(organizer.email);
  await page.getByLabel("Password").fill(organizer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**${path}`);
}

async function newsEmails(statementId: number) {
  return db()
    .selectFrom("emails")
    .select(["toAddress", "text"])
    .where("kind", "=", "statement-news")
    .where(sql<boolean>`tags->>'statement' = ${String(statementId)}`)
    .execute();
}

describe("positions, scorecard, news to the right signers, and the call tool", () => {
  it("records and verifies Sanders' reply, emails Vermont once, and counts a caller's voicemail", async () => {
    const campaign = await db()
      .selectFrom("campaigns")
      .select(["id"])
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    const vermont = [await signer("vt-one", "VT", "05401"), await signer("vt-two", "VT", "05602")];
    const others = [
      await signer("nh-one", "NH", "03301"),
      await signer("vt-pending", "VT", "05401", { confirmed: false }),
      await signer("vt-noconsent", "VT", "05401", { consent: false }),
    ];

    const admin = await newPage(browser);
    const path = `/admin/campaigns/${campaign.id}/statements`;
    await signIn(admin.page, path);
    await waitForHydration(admin.page);
    // The script a caller gets when an official supports, and Senator Sanders' own.
    await admin.page.getByLabel("Script when the official: supports").fill("Thank {{name}} for the support.");
    await admin.page.getByRole("button", { name: "Save scripts" }).click();
    await admin.page.getByText("Scripts saved.").waitFor();
    await admin.page.getByLabel("Official", { exact: true }).selectOption("SVT01");
    await admin.page.getByLabel("When the official", { exact: true }).selectOption("supports");
    await admin.page
      .getByLabel("Script for this official")
      .fill("Please thank {{name}} for supporting a permanent DPAA director.");
    await admin.page.getByRole("button", { name: "Save the script for this official" }).click();
    await admin.page.getByText("The script for this official is saved.").waitFor();

    // Bad input: a seat that is not a target is refused with a message, nothing saved.
    const before = await db()
      .selectFrom("statements")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    await admin.page.locator("select#target").evaluate((el: HTMLSelectElement) => {
      el.options[1].value = "SZZ01";
    });
    await admin.page.locator("select#target").selectOption({ index: 1 });
    await admin.page.getByLabel("Date").fill("2026-11-30");
    await admin.page.getByLabel("Text or excerpt").fill("Not a target.");
    await admin.page.getByRole("button", { name: "Record the statement" }).click();
    await admin.page.locator("#target-error").waitFor();
    expect(await admin.page.locator("#target-error").textContent()).toMatch(/not a target of this campaign/);
    const after = await db()
      .selectFrom("statements")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    await admin.page.reload();
    await waitForHydration(admin.page);
    const sanders = (await admin.page
      .locator("select#target option", { hasText: "Bernard Sanders" })
      .getAttribute("value"))!;
    expect(sanders).toBe("SVT01");
    await admin.page.locator("select#target").selectOption(sanders);
    await admin.page.getByLabel("Position").selectOption("supports");
    await admin.page.getByLabel("Kind").selectOption("letter_reply");
    await admin.page.getByLabel("Date").fill("2026-11-30");
    await admin.page
      .getByLabel("Text or excerpt")
      .fill("Thank you for writing. I support naming a permanent director <script>alert(1)</script>.");
    await admin.page.getByLabel("Source link (optional)").fill("https://www.sanders.senate.gov/reply");
    await admin.page.getByRole("button", { name: "Record the statement" }).click();
    await admin.page.waitForURL("**/statements?recorded=*");
    const statementId = Number(new URL(admin.page.url()).searchParams.get("recorded"));

    // Unverified: not public yet (scorecard and feed).
    const feed0 = await (await admin.page.request.get("/api/v1/campaigns/dpaa-director/statements")).json();
    expect(feed0.statements.some((s: { id: number }) => s.id === statementId)).toBe(false);

    await waitForHydration(admin.page);
    await admin.page.getByRole("button", { name: `Verify statement ${statementId}` }).click();
    await admin.page.getByText(/Verified: it is public now/).waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await screenshot(admin.page, "statements-admin");

    // The scorecard shows it, the pasted HTML as text.
    const visitor = await newPage(browser);
    const full = await visitor.page.request.get("/campaigns/dpaa-director/scorecard");
    const bytes = (await full.body()).length;
    console.info(`scorecard page 1: ${bytes} bytes (uncompressed HTML)`);
    expect(bytes).toBeLessThan(100_000);
    await visitor.page.goto("/campaigns/dpaa-director/scorecard");
    // Answered first: Sanders on the first page; every seat counted, the vacant ones too.
    expect(await visitor.page.locator(".scorecard").textContent()).toMatch(
      /of \d{3} offices have a verified answer \(\d+ seats are vacant\)/,
    );
    const row = visitor.page.locator("tr", { hasText: "Bernard Sanders" });
    expect(await row.locator(".badge").textContent()).toBe("Supports");
    expect(await row.textContent()).toContain("<script>alert(1)</script>");
    expect(await row.textContent()).toContain("2026-11-30");
    expect(await seriousViolations(visitor.page)).toEqual([]);
    await screenshot(visitor.page, "scorecard");
    // Filtered to Vermont's senators (a GET form: works without JavaScript).
    await visitor.page.getByLabel("Chamber").selectOption("senate");
    await visitor.page.getByLabel("State").selectOption("VT");
    await visitor.page.getByRole("button", { name: "Show" }).click();
    await visitor.page.waitForURL("**/scorecard?chamber=senate&state=VT*");
    expect(await visitor.page.locator("tbody tr th").allTextContents()).toEqual([
      expect.stringContaining("Bernard Sanders"),
      expect.stringContaining("Peter Welch"),
    ]);
    const feed = await (await visitor.page.request.get("/api/v1/campaigns/dpaa-director/statements")).json();
    expect(feed.statements[0]).toMatchObject({ id: statementId, officeCode: "SVT01", position: "supports" });
    await visitor.page.goto(`/members/${SANDERS}`);
    expect(await visitor.page.locator(".statement-list").textContent()).toContain("Supports");

    // The worker sends the news: the Vermont signers, once each, and nobody else.
    let emails: Awaited<ReturnType<typeof newsEmails>> = [];
    for (let i = 0; i < 100; i++) {
      emails = await newsEmails(statementId);
      const done = await db()
        .selectFrom("statements")
        .select("newsQueuedAt")
        .where("id", "=", statementId)
        .executeTakeFirstOrThrow();
      if (done.newsQueuedAt) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const to = emails.map((e) => e.toAddress);
    for (const v of vermont) expect(to.filter((t) => t === v.email)).toHaveLength(1);
    for (const o of others) expect(to).not.toContain(o.email);
    expect(new Set(to).size).toBe(to.length);
    const vtOnly = await db().selectFrom("supporters").select("state").where("email", "in", to).execute();
    expect(vtOnly.every((s) => s.state === "VT")).toBe(true);
    expect(emails[0].text).toMatch(/Share the campaign/);
    console.info(`statement news: ${emails.length} emails sent by the verification`);
    // A second run sends none.
    expect(await sendStatementNews(statementId)).toBe(0);
    expect(await newsEmails(statementId)).toHaveLength(emails.length);

    // A caller from 05401: the Sanders "supports" script, one tap to report a voicemail.
    // Without JavaScript, at 375 px.
    const caller = await newPage(browser, {
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
    });
    await caller.page.goto("/campaigns/dpaa-director/call");
    await caller.page.getByLabel("Your ZIP code").fill("05401");
    await caller.page.getByRole("button", { name: "Find who to call" }).click();
    await caller.page.waitForURL("**/call?zip=05401");
    const card = caller.page.locator(".call-card", { hasText: "Bernard Sanders" });
    expect(await card.locator(".call-script").textContent()).toBe(
      "Please thank Bernard Sanders for supporting a permanent DPAA director.",
    );
    expect(await card.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(1);
    // Supporters are listed last, not hidden.
    const names = await caller.page.locator(".call-card h2").allTextContents();
    expect(names[names.length - 1]).toContain("Sanders");
    expect(await seriousViolations(caller.page)).toEqual([]);
    await screenshot(caller.page, "call-tool");
    const token = await caller.page.locator('.call-card input[name="token"]').first().inputValue();
    await card.getByRole("button", { name: "Left a voicemail" }).click();
    await card.getByText(/“Left a voicemail” is recorded/).waitFor();
    // The same report replayed (same view token) is not counted again.
    const replay = await caller.page.request.post("/campaigns/dpaa-director/call", {
      form: { token, target: "SVT01", outcome: "left_voicemail", zip: "05401" },
      headers: { Origin: new URL(caller.page.url()).origin },
    });
    expect(replay.status()).toBeLessThan(500);
    const calls = await db()
      .selectFrom("calls")
      .select(["outcome", "officeCode"])
      .where("campaignId", "=", campaign.id)
      .execute();
    expect(calls.filter((c) => c.officeCode === "SVT01")).toEqual([
      { outcome: "left_voicemail", officeCode: "SVT01" },
    ]);
    expect(caller.errors).toEqual([]);

    // The organizer sees the call.
    await admin.page.goto(`/admin/campaigns/${campaign.id}/calls`);
    // Today's row: the outcomes beside the letters and signatures from Vermont that day.
    const today = new Date().toISOString().slice(0, 10);
    const vt = await sql<{ letters: number; signatures: number }>`
      select (select count(*)::int from letter_submissions where campaign_id = ${campaign.id} and state = 'VT'
                and created_at >= ${today}::date) as letters,
             (select count(*)::int from signatures sg join petitions p on p.id = sg.petition_id
                where p.campaign_id = ${campaign.id} and sg.state = 'confirmed' and sg.us_state = 'VT'
                  and sg.confirmed_at >= ${today}::date) as signatures`.execute(db());
    expect(vt.rows[0].signatures).toBeGreaterThanOrEqual(3);
    const callRow = admin.page.locator("tr", { hasText: "Bernard Sanders" }).first();
    expect(await callRow.locator("td").allTextContents()).toEqual([
      today,
      "0",
      "1",
      "0",
      "0",
      String(vt.rows[0].letters),
      String(vt.rows[0].signatures),
    ]);
    expect(await seriousViolations(admin.page)).toEqual([]);
    expect(admin.errors).toEqual([]);
    await admin.context.close();
    await visitor.context.close();
    await caller.context.close();
  }, 180_000);

  it("a writer sends in a reply (HTML shown as text), an organizer verifies it; a caller without JavaScript reports a call", async () => {
    const campaign = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    const writer = await signer("writer", "VT", "05401");
    const token = `e2e-reply-${run}-abcdefghij`.slice(0, 32);
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
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const welch = await db()
      .selectFrom("legislators")
      .select(["bioguide", "fullName"])
      .where("state", "=", "VT")
      .where("senateClass", "=", 3)
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("letters")
      .values({
        submissionId: sub.id,
        campaignId: campaign.id,
        supporterId: writer.id,
        position: 0,
        recipientKind: "senate",
        bioguide: welch.bioguide,
        recipientName: welch.fullName,
        recipientTitle: "Senator",
        recipientAddress: ["Washington, DC 20510"],
        state: "VT",
        subject: "A permanent director",
        body: "Please act.",
        method: "contact_form",
      })
      .execute();

    // Without JavaScript: Chromium posts the multipart form itself and loads the answer.
    const writerPage = await newPage(browser, { javaScriptEnabled: false });
    const delivery = await writerPage.page.goto(`/letters/${token}`);
    // One Referrer-Policy, the page's own (not the default beside it).
    expect(
      (await delivery!.headersArray())
        .filter((h) => h.name.toLowerCase() === "referrer-policy")
        .map((h) => h.value),
    ).toEqual(["same-origin"]);
    await writerPage.page
      .getByLabel("Their reply")
      .fill("<b>Thank you</b> for your letter. I am reviewing the bill.");
    await writerPage.page.getByRole("button", { name: "Send in the reply" }).click();
    await writerPage.page.getByText(/an organizer will read the reply/).waitFor({ timeout: 20_000 });
    expect(await seriousViolations(writerPage.page)).toEqual([]);
    // From the delivery page to the call tool: the call is the writer's (issue 14), the letter token stays behind.
    await writerPage.page.getByRole("link", { name: /Call your officials too/ }).click();
    await writerPage.page.waitForURL("**/call?zip=05401&caller=*");
    expect(writerPage.page.url()).not.toContain(token);
    await writerPage.page.getByText(/saved with your own record/).waitFor();
    expect(await seriousViolations(writerPage.page)).toEqual([]);
    await writerPage.page
      .locator(".call-card", { hasText: welch.fullName })
      .getByRole("button", { name: "Left a voicemail" })
      .click();
    await writerPage.page.getByText(/“Left a voicemail” is recorded/).waitFor({ timeout: 20_000 });
    const own = await db()
      .selectFrom("calls")
      .select(["outcome", "officeCode"])
      .where("supporterId", "=", writer.id)
      .execute();
    expect(own).toEqual([{ outcome: "left_voicemail", officeCode: "SVT03" }]);
    await writerPage.context.close();

    const admin = await newPage(browser);
    await signIn(admin.page, "/admin/replies");
    await waitForHydration(admin.page);
    const item = admin.page.locator(".statement-list li", { hasText: "Thank you" });
    expect(await item.locator(".statement-text").textContent()).toContain("<b>Thank you</b>");
    expect(await item.locator(".statement-text b").count()).toBe(0);
    expect(await seriousViolations(admin.page)).toEqual([]);
    // Not public before it is verified.
    const feed0 = await (await admin.page.request.get("/api/v1/campaigns/dpaa-director/statements")).json();
    expect(feed0.statements.some((s: { text: string }) => s.text.includes("reviewing the bill"))).toBe(false);
    await item.getByLabel("Position").selectOption("undecided");
    await item.getByRole("button", { name: "Verify with this position" }).click();
    await admin.page.getByText(/Verified: it is public now/).waitFor({ timeout: 20_000 });
    const feed = await (await admin.page.request.get("/api/v1/campaigns/dpaa-director/statements")).json();
    expect(
      feed.statements.find((s: { text: string }) => s.text.includes("reviewing the bill")),
    ).toMatchObject({
      officeCode: "SVT03",
      position: "undecided",
    });
    await admin.context.close();

    const caller = await newPage(browser, { javaScriptEnabled: false });
    await caller.page.goto("/campaigns/dpaa-director/call?zip=05401", { timeout: 20_000 });
    const card = caller.page.locator(".call-card", { hasText: welch.fullName });
    await card.getByRole("button", { name: "Busy or no answer" }).click();
    await caller.page.getByText(/“Busy or no answer” is recorded/).waitFor({ timeout: 20_000 });
    const calls = await db()
      .selectFrom("calls")
      .select("outcome")
      .where("officeCode", "=", "SVT03")
      .execute();
    expect(calls.map((c) => c.outcome)).toContain("busy_no_answer");
    await caller.context.close();
  }, 180_000);

  it("the scorecard and call pages in Korean, Russian and Chinese (without JavaScript too)", async () => {
    const { page, context, errors } = await newPage(browser, { javaScriptEnabled: false });
    const pages: Array<[string, string, string]> = [
      ["/ko/campaigns/dpaa-director/scorecard", "ko", "평가표: 각 대상의 입장"],
      ["/ru/campaigns/dpaa-director/scorecard", "ru", "Таблица позиций: что сказал каждый адресат"],
      ["/zh-Hans/campaigns/dpaa-director/call?zip=05401", "zh-Hans", "给您的民选官员打电话"],
      ["/zh-Hant/campaigns/dpaa-director/call?zip=05401", "zh-Hant", "打電話給您的民選官員"],
      ["/ru/campaigns/dpaa-director/call?zip=05401", "ru", "Позвоните своим представителям"],
    ];
    for (const [path, lang, heading] of pages) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      expect(await page.locator("html").getAttribute("lang"), path).toBe(lang);
      expect(await page.locator("h1").textContent(), path).toBe(heading);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // Refusals in the page's language: a bad ZIP and an unknown one in Korean, a bad filter in Russian.
    expect((await page.goto("/ko/campaigns/dpaa-director/call?zip=abc"))?.status()).toBe(400);
    expect(await page.locator("#zip-error").textContent()).toBe(
      "우편번호는 5자리 숫자입니다. 예: 05401 (또는 ZIP+4 형식, 예: 05401-1234).",
    );
    expect((await page.goto("/ko/campaigns/dpaa-director/call?zip=00000"))?.status()).toBe(404);
    expect(await page.locator("#zip-error").textContent()).toBe(
      "우편번호 00000을(를) 찾을 수 없습니다. 번호를 확인하시거나 거주지 주소의 우편번호를 입력해 주세요.",
    );
    expect(await seriousViolations(page)).toEqual([]);
    // Sanders' reply (verified in the first test) is labelled by its kind in Korean.
    await page.goto("/ko/campaigns/dpaa-director/scorecard?state=VT&chamber=senate");
    await page.getByText("편지에 대한 답장").first().waitFor();
    expect(await page.getByText("Reply to letters").count()).toBe(0);
    expect((await page.goto("/ru/campaigns/dpaa-director/scorecard?chamber=moon"))?.status()).toBe(400);
    await page.getByText("Выберите Сенат, Палату представителей или должностных лиц.").waitFor();
    await page.goto("/ru/campaigns/dpaa-director/call?zip=05401");
    // The Russian call page's outcome buttons, and the answer after one, in Russian.
    const card = page.locator(".call-card").first();
    await card.getByRole("button", { name: "Пропустил" }).click();
    await page.getByText("Спасибо: «Пропустил» записано.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/ru/campaigns/dpaa-director/call");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
