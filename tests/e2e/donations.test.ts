import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { closeDatabase, connectDatabase } from "~db/index.server";
import {
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  waitForHydration,
  waitForPage,
} from "../support/browser";
import { makeOrganizer } from "../factories";

let browser: Browser;
let owner: { email: string; password: string };
beforeAll(async () => {
  browser = await launchBrowser();
  connectDatabase(inject("serverDatabaseUrl"), 2);
  owner = await makeOrganizer("owner", { email: `owner-donations-${Date.now()}@example.org` });
});
afterAll(async () => {
  await browser?.close();
  await closeDatabase();
});

async function raised(page: Page) {
  await page.goto("/campaigns/ask-moscow-beijing");
  return {
    raised: await page.getByTestId("raised").textContent(),
    donors: await page.getByTestId("donors").textContent(),
  };
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

describe("giving in test mode", () => {
  it("completes a one-time gift without JavaScript and a monthly gift with it; both show in the total, in admin and in the outbox", async () => {
    // One time, JavaScript off (axe needs JavaScript, so pages are checked in the second run).
    const plain = await newPage(browser, { javaScriptEnabled: false });
    plain.page.setDefaultTimeout(10_000);
    expect(await raised(plain.page)).toEqual({ raised: "$0", donors: "0 donors" });
    await plain.page.getByRole("link", { name: "Give", exact: true }).click();
    await plain.page.waitForURL("**/campaigns/ask-moscow-beijing/donate");
    expect(await plain.page.getByText("Test mode.").count()).toBeGreaterThan(0);
    expect(await plain.page.getByLabel("One time").isChecked()).toBe(true);
    expect(await plain.page.getByLabel("Monthly, until I cancel", { exact: false }).isChecked()).toBe(false);
    expect(await plain.page.getByLabel(/Send me email updates/).isChecked()).toBe(false);
    // a bad amount comes back with a message
    await plain.page.getByLabel("Other", { exact: true }).check();
    await plain.page.getByLabel("Other amount").fill("10.005");
    await plain.page.getByRole("button", { name: "Continue to secure payment" }).click();
    expect(await plain.page.locator("#customAmount-error").textContent()).toMatch(/dollars and cents/);
    await plain.page.getByLabel("$25", { exact: true }).check();
    await plain.page.getByLabel("Email for your receipt (optional)").fill("one-time@example.org");
    await plain.page.getByRole("button", { name: "Continue to secure payment" }).click();
    await plain.page.waitForURL("**/donate/test-checkout/**");
    await screenshot(plain.page, "donate-test-checkout");
    await plain.page.getByRole("button", { name: /^Pay \$25/ }).click();
    await plain.page.waitForURL("**/donate/thanks**");
    expect(await plain.page.locator("h1").textContent()).toBe("Thank you");
    expect(await plain.page.locator(".lead").textContent()).toMatch(/gift of \$25 to .* has been received/);
    expect(await raised(plain.page)).toEqual({ raised: "$25", donors: "1 donor" });
    expect(plain.errors).toEqual([]);
    await plain.context.close();

    // Monthly, JavaScript on: typing an amount selects "Other".
    const js = await newPage(browser);
    js.page.setDefaultTimeout(10_000);
    await js.page.goto("/campaigns/ask-moscow-beijing/donate");
    await waitForHydration(js.page);
    await expectAccessible(js.page);
    await js.page.getByLabel("Other amount").fill("40.50");
    expect(await js.page.getByLabel("Other", { exact: true }).isChecked()).toBe(true);
    await js.page.getByLabel("Monthly, until I cancel", { exact: false }).check();
    await js.page.getByLabel("Your name (optional)").fill("Monthly Donor");
    await js.page.getByRole("button", { name: "Continue to secure payment" }).click();
    await waitForPage(js.page, "**/donate/test-checkout/**", /^Pay \$/);
    expect(await js.page.locator("h1").textContent()).toBe("Pay $40.50 every month");
    await expectAccessible(js.page);
    await js.page.getByLabel("Email").fill("monthly@example.org");
    await js.page.getByRole("button", { name: /^Pay \$40.50/ }).click();
    await waitForPage(js.page, "**/donate/thanks**", "Thank you");
    await screenshot(js.page, "donate-thanks");
    await expectAccessible(js.page);
    expect(await raised(js.page)).toEqual({ raised: "$65.50", donors: "2 donors" });
    await screenshot(js.page, "campaign-with-giving");
    await expectAccessible(js.page);

    // Admin: the donations list with emails (owner), the chart, and the receipts in the outbox.
    await js.page.goto("/admin/login");
    await js.page.getByLabel("Email").fill(owner.email);
    await js.page.getByLabel("Password").fill(owner.password);
    await js.page.getByRole("button", { name: /sign in/i }).click();
    await js.page.waitForURL((u) => !u.pathname.includes("login"));
    await js.page.getByRole("link", { name: "Donations" }).click();
    await js.page.waitForURL("**/admin/donations");
    await js.page.getByRole("heading", { name: "Donations", level: 1 }).waitFor();
    const table = js.page.locator("table.data").last();
    expect(await table.textContent()).toContain("one-time@example.org");
    expect(await table.textContent()).toContain("monthly@example.org");
    expect(await table.textContent()).toContain("Monthly, active");
    expect(await js.page.locator("svg.chart rect").count()).toBe(12);
    expect(await js.page.locator("table.data").first().textContent()).toContain("$65.50");
    await expectAccessible(js.page);
    await screenshot(js.page, "admin-donations");
    await js.page.goto("/admin/outbox?kind=donation-receipt");
    const outbox = await js.page.locator("table.data").textContent();
    expect(outbox).toContain("Receipt for your monthly gift of $40.50");
    expect(outbox).toContain("Receipt for your gift of $25");
    await expectAccessible(js.page);
    await js.page.getByRole("link", { name: /monthly gift of \$40.50/ }).click();
    // The URL changes before the next page renders: wait for the email's own heading.
    await waitForPage(js.page, "**/admin/outbox/**", /monthly gift of \$40.50/);
    // (axe is not run here: it cannot enter the outbox's script-less sandboxed iframe and would hang)
    expect(await js.page.content()).toMatch(/No goods or services were provided/);
    await screenshot(js.page, "receipt-in-outbox");
    expect(js.errors).toEqual([]);
    await js.context.close();
  }, 120_000);

  it("answers Stripe's webhook over HTTP: exempt from the origin check, 400 without a valid signature", async () => {
    const url = `${inject("baseUrl")}/webhooks/stripe`;
    const body = JSON.stringify({ id: "evt_1", type: "checkout.session.completed", data: { object: {} } });
    const missing = await fetch(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", Origin: "https://stripe.com" },
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("invalid_signature");
    const forged = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": `t=${Math.floor(Date.now() / 1000)},v1=${"ab".repeat(32)}`,
      },
    });
    expect(forged.status).toBe(400);
  });

  it("general giving page and phone layout are accessible", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 375, height: 740 } });
    for (const path of ["/donate", "/campaigns/release-the-files", "/donate/cancelled"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expectAccessible(page);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        path,
      ).toBeLessThanOrEqual(0);
      await screenshot(page, `phone${path.replace(/\//g, "-")}`);
    }
    await context.close();
  });
});
