import type { Browser } from "playwright-core";
import { launchBrowser, newPage, screenshot, seriousViolations } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const publicPages = [
  "/",
  "/campaigns/dpaa-director",
  "/cases",
  "/cases/richard-desautels",
  "/about",
  "/admin/login",
  "/no-such-page",
];

describe.each([true, false])("a visitor with JavaScript %s", (javaScriptEnabled) => {
  it("reads the home page, a campaign and a case", async () => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    await page.goto("/");
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    expect(await page.locator("h1").textContent()).toMatch(/still asking/i);
    await page
      .getByRole("link", { name: /permanent director/i })
      .first()
      .click();
    await page.waitForURL("**/campaigns/dpaa-director");
    await page.locator("h1", { hasText: /permanent director/i }).waitFor();
    expect(await page.getByText("Who must act").count()).toBeGreaterThan(0);

    await page.goto("/cases");
    await page.getByLabel("Search by name or words").fill("desautels");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL("**/cases?q=desautels**");
    await page.getByText("1 case file matches").waitFor();
    expect(await page.locator(".cards .card").count()).toBe(1);
    await page
      .getByRole("link", { name: /Desautels/ })
      .first()
      .click();
    await page.waitForURL("**/cases/richard-desautels");
    await page.getByRole("heading", { name: /what is known/i }).waitFor();
    expect(await page.getByRole("heading", { name: /what is known/i }).count()).toBe(1);
    await screenshot(page, `case-js-${javaScriptEnabled}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("public pages", () => {
  it.each(publicPages)("%s has no serious or critical accessibility violation", async (path) => {
    const { context, page } = await newPage(browser);
    const response = await page.goto(path);
    expect(response?.status()).toBe(path === "/no-such-page" ? 404 : 200);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("reads well on a phone: no horizontal scrolling", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 375, height: 740 } });
    for (const path of publicPages) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await screenshot(page, "home-phone");
    await context.close();
  });
});
