import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { launchBrowser, newPage, screenshot, seriousViolations, waitForHydration } from "../support/browser";

let browser: Browser;
let client: pg.Client;
beforeAll(async () => {
  browser = await launchBrowser();
  client = new pg.Client({ connectionString: inject("serverDatabaseUrl") });
  await client.connect();
});
afterAll(async () => {
  await browser?.close();
  await client?.end();
});

const slug = "dpaa-director";

/** The confirmation link from the outbox (the drain job sends within a few seconds). */
async function confirmationLink(email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const r = await client.query<{ text: string }>(
      "select text from emails where to_address = $1 and kind = 'signature-confirmation'",
      [email],
    );
    const match = r.rows[0]?.text.match(/https?:\/\/[^\s\]]+\/confirm\/[A-Za-z0-9_-]+/);
    if (match) return new URL(match[0]).pathname;
    await new Promise((res) => setTimeout(res, 300));
  }
  throw new Error(`no confirmation email for ${email}`);
}

async function count(page: Page): Promise<number> {
  const text = await page.locator(".petition .progress__label strong").first().textContent();
  return Number((text ?? "0").replace(/,/g, ""));
}

async function fillForm(page: Page, email: string) {
  await page.getByLabel("First name", { exact: true }).fill("Ruth");
  await page.getByLabel("Last name", { exact: true }).fill("Oakley");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("ZIP code", { exact: true }).fill("05401");
  await page.getByLabel("Comment (optional)").fill("For my father's cousin.");
  await page.getByLabel(/Show my first name/).check();
}

describe.each([true, false])("signing with JavaScript %s", (javaScriptEnabled) => {
  it("signs, confirms from the emailed link, and sees the count move", async () => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    const email = `e2e-${javaScriptEnabled}-${Date.now()}@example.org`;
    await page.goto(`/campaigns/${slug}?source=e2e`);
    if (javaScriptEnabled) await waitForHydration(page);
    const before = await count(page);

    await page.getByRole("button", { name: "Sign the petition" }).click();
    await page.locator(".field-error").first().waitFor();
    expect(await page.locator(".field-error").count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, `petition-errors-js-${javaScriptEnabled}`);

    await fillForm(page, email);
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await page.getByText("Thank you for signing.").waitFor();
    expect(page.url()).toContain("signed=pending");
    await screenshot(page, `petition-signed-js-${javaScriptEnabled}`);

    const link = await confirmationLink(email);
    await page.goto(link);
    expect(await page.locator("h1").textContent()).toBe("Confirm your signature");
    if (javaScriptEnabled) {
      expect(await seriousViolations(page)).toEqual([]);
      await waitForHydration(page);
    }
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await page.getByRole("heading", { name: "Your signature is confirmed" }).waitFor();

    const deadline = Date.now() + 20_000;
    let after = before;
    while (Date.now() < deadline && after <= before) {
      await page.goto(`/campaigns/${slug}`);
      after = await count(page);
      if (after <= before) await page.waitForTimeout(500);
    }
    expect(after).toBe(before + 1);
    expect(await page.getByText("Ruth O.").count()).toBeGreaterThan(0);
    const source = await client.query(
      "select source, user_agent_class from signatures where email_canonical = $1",
      [email],
    );
    expect(source.rows[0]).toEqual({ source: "e2e", user_agent_class: "desktop" });
    await screenshot(page, `petition-counted-js-${javaScriptEnabled}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("petition pages", () => {
  it.each([
    `/campaigns/${slug}`,
    `/campaigns/${slug}/sign`,
    "/confirm/not-a-real-token-at-all",
    `/embed/petitions/${slug}`,
  ])("%s has no serious or critical accessibility violation", async (path) => {
    const { context, page } = await newPage(browser);
    const response = await page.goto(path);
    expect(response?.status()).toBe(path.startsWith("/confirm/") ? 404 : 200);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("serves the widget framable and everything else not, with Open Graph tags carrying the count", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 375, height: 740 } });
    const widget = await page.goto(`/embed/petitions/${slug}`);
    expect(widget?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(widget?.headers()["x-frame-options"]).toBeUndefined();
    await screenshot(page, "petition-embed");
    const campaign = await page.goto(`/campaigns/${slug}`);
    expect(campaign?.headers()["x-frame-options"]).toBe("DENY");
    expect(await page.locator('meta[property="og:description"]').getAttribute("content")).toMatch(
      /^\d[\d,]* (person has|people have) signed/,
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "petition-phone");
    await context.close();
  });
});
