import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { createDb, type DB } from "~db/index.server";
import { hashPassword } from "~/modules/organizers/password.server";
import { makeSubscribers } from "../factories/mail";
import {
  baseUrl,
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  waitForHydration,
} from "../support/browser";

let browser: Browser;
let database: DB;
let campaignId: number;
const owner = { email: "owner-email-e2e@example.org", password: "a long owner password" };

beforeAll(async () => {
  browser = await launchBrowser();
  database = createDb(inject("serverDatabaseUrl"), 2).db;
  await database
    .insertInto("organizers")
    .values({
      email: owner.email,
      name: "Olive Owner",
      role: "owner",
      passwordHash: await hashPassword(owner.password),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // A campaign of its own: other e2e files add consenting supporters to the seeded campaigns, and
  // this test counts its audience exactly.
  const campaign = await database
    .insertInto("campaigns")
    .values({
      slug: `email-e2e-${Date.now().toString(36)}`,
      title: "Updates for the email test",
      summary: "A campaign made by the email e2e test.",
      bodyMd: "Body",
      status: "live",
      publishedAt: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  campaignId = campaign.id;
  await makeSubscribers(database, 1000, { prefix: "e2e-subscriber-", campaignId: campaign.id });
  // Two requests per second: ten batches take about five seconds, so the bar is seen moving.
  await database
    .insertInto("settings")
    .values({ key: "mail.requestsPerSecond", value: JSON.stringify(2) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(2) }))
    .execute();
});
afterAll(async () => {
  await browser?.close();
  await database?.destroy();
});

async function signIn(page: Page, js: boolean) {
  await page.goto("/admin/login");
  if (js) await waitForHydration(page);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/admin");
}

describe("email", () => {
  it("sends an update to 1,000 subscribers with a live progress bar, and the outbox shows every kind of email", async () => {
    const { context, page, errors } = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, true);

    await page.goto("/admin/updates/new");
    await waitForHydration(page);
    await page.getByLabel("Subject").fill("The Senate heard us");
    await page.getByLabel("Who receives it").selectOption("campaign-subscribers");
    await page.getByLabel("Campaign", { exact: true }).selectOption(String(campaignId));
    await page
      .getByLabel("Update (markdown)")
      .fill("## A hearing\n\nThank you: **you** made the committee ask.");
    await page.getByRole("button", { name: "Save draft and preview" }).click();
    await page.waitForURL(/\/admin\/updates\/\d+\?created=1/);
    expect(await page.locator(".mailing-send p").first().textContent()).toBe(
      "1,000 supporters would receive it now.",
    );
    expect(await page.frameLocator("iframe.email-frame").getByText("made the committee ask").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "email-update-draft");

    await waitForHydration(page);
    await page.getByRole("button", { name: "Send a test to me" }).click();
    await page.waitForURL(/tested=1/);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Send now" }).click();
    await page.waitForURL(/\/admin\/updates\/\d+$/);
    const url = page.url();

    // Watched with JavaScript off: the page reloads itself (meta refresh) while sending.
    const watcher = await newPage(browser, { javaScriptEnabled: false });
    const nojs = watcher.page;
    nojs.setDefaultTimeout(15_000);
    await signIn(nojs, false);
    await nojs.goto(url);
    const seen = new Set<string>();
    let shot = false;
    const deadline = Date.now() + 45_000;
    for (;;) {
      const label =
        (await nojs
          .locator(".progress__label")
          .textContent()
          .catch(() => null)) ?? "";
      if (label) seen.add(label.replace(/\s+/g, " "));
      if (seen.size === 2 && !shot) {
        shot = true;
        await screenshot(nojs, "email-update-sending");
      }
      if (await nojs.getByRole("heading", { name: "Results" }).count()) break;
      if (Date.now() > deadline) throw new Error(`the update did not finish; saw ${[...seen].join(" | ")}`);
      await nojs.waitForTimeout(500);
    }
    expect(nojs.url()).toBe(url);
    await screenshot(nojs, "email-update-results-nojs");
    await watcher.context.close();
    await page.goto(url);
    expect([...seen].some((l) => /^\d[\d,]* of 1,000/.test(l) && !l.startsWith("1,000 of"))).toBe(true);
    expect(await page.locator(".progress__label").textContent()).toContain("1,000 of 1,000");
    expect(await page.locator("meta[http-equiv=refresh]").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "email-update-results");

    await page.goto("/admin/organizers");
    await waitForHydration(page);
    await page.locator("#invite-name").fill("Ruth Hale");
    await page.locator("#invite-email").fill("ruth-e2e@example.org");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("Invitation sent to ruth-e2e@example.org").waitFor();

    const anonymous = await browser.newContext({ baseURL: baseUrl() });
    const forgot = await anonymous.newPage();
    await forgot.goto("/admin/forgot");
    await waitForHydration(forgot);
    expect(await seriousViolations(forgot)).toEqual([]);
    await forgot.getByLabel("Email").fill(owner.email);
    await forgot.getByRole("button", { name: "Send the link" }).click();
    await forgot.getByText("If an organizer account uses that address").waitFor();
    await anonymous.close();

    const kinds = ["campaign-update", "campaign-update-test", "organizer-invitation", "password-reset"];
    let options: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.goto("/admin/outbox");
      options = await page.locator("#kind option").allTextContents();
      if (kinds.every((k) => options.some((o) => o.startsWith(`${k} (`)))) break;
      await page.waitForTimeout(500);
    }
    for (const k of kinds)
      expect(
        options.some((o) => o.startsWith(`${k} (`)),
        k,
      ).toBe(true);
    expect(options).toContain("campaign-update (1000)");
    await screenshot(page, "email-outbox");
    for (const k of kinds) {
      await page.goto(`/admin/outbox?kind=${k}`);
      await waitForHydration(page);
      await page.locator("table.data tbody a").first().click();
      await page.waitForURL(/\/admin\/outbox\/\d+/);
      expect(await page.locator("pre.email-text").textContent()).toContain("PO Box");
      await screenshot(page, `email-outbox-${k}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  it("one-click unsubscribe: a cross-site POST works with no cookies, a GET changes nothing, the page form stays same-origin", async () => {
    const email = await database
      .selectFrom("emails")
      .select(["headers", "toAddress"])
      .where("kind", "=", "campaign-update")
      .orderBy("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const oneClick = /^<(.+)>$/.exec(email.headers["List-Unsubscribe"])![1];
    const path = new URL(oneClick).pathname;
    const consents = () =>
      database
        .selectFrom("consents")
        .innerJoin("supporters", "supporters.id", "consents.supporterId")
        .select("consents.withdrawnAt")
        .where("supporters.email", "=", email.toAddress)
        .executeTakeFirstOrThrow();

    const get = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
    expect(get.status).toBe(302);
    expect((await consents()).withdrawnAt).toBeNull();

    const foreignForm = await fetch(`${baseUrl()}${path.replace(/\/one-click$/, "")}`, {
      method: "POST",
      body: new URLSearchParams({ choice: "all" }),
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(foreignForm.status).toBe(403);
    expect((await consents()).withdrawnAt).toBeNull();

    const post = await fetch(`${baseUrl()}${path}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://mail.example.com",
        "Sec-Fetch-Site": "cross-site",
      },
    });
    expect(post.status).toBe(200);
    expect((await consents()).withdrawnAt).not.toBeNull();

    const { context, page } = await newPage(browser);
    const response = await page.goto(path.replace(/\/one-click$/, ""));
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("button", { name: "Unsubscribe" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "email-unsubscribe");
    expect(
      (
        await page.goto(`${path.replace(/\.[A-Za-z0-9_-]{22}\/one-click$/, ".AAAAAAAAAAAAAAAAAAAAAA")}`)
      )?.status(),
    ).toBe(400);
    await context.close();
  });
});
