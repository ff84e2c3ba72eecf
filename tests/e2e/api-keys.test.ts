import type { Browser } from "playwright-core";
import { makeOrganizer } from "../factories";
import { baseUrl, launchBrowser, newPage, seriousViolations } from "../support/browser";
import { useServerDatabase } from "../support/server-database";

useServerDatabase();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const people = (key: string) =>
  fetch(`${baseUrl()}/api/osdi/v1/people`, { headers: { "OSDI-API-Token": key } });

describe("an owner's API keys", () => {
  it("creates a key without JavaScript at 375 px, sees it once, the API takes it, and revoking ends it", async () => {
    const owner = await makeOrganizer("owner");
    const { context, page, errors } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    page.setDefaultTimeout(10_000);
    await page.goto("/admin/login?redirectTo=%2Fadmin");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl()}/admin`);
    expect(
      await page
        .getByRole("navigation", { name: "Organizer" })
        .getByRole("link", { name: "API keys" })
        .count(),
    ).toBe(1);
    await page.goto("/admin/api-keys");
    await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor({ timeout: 10_000 });
    await page.getByLabel("Name").fill("Action Network sync");
    await page.getByLabel("Scope").selectOption("read");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByLabel("The new key").inputValue();
    expect(key).toMatch(/^bth_/);

    for (const entry of ["/api/osdi/v1", "/api/osdi/v1/"]) {
      const res = await fetch(`${baseUrl()}${entry}`, { headers: { "OSDI-API-Token": key } });
      expect(res.status, entry).toBe(200);
      expect((await res.json()).osdi_version).toBe("1.2");
    }
    const ok = await people(key);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^application\/hal\+json/);
    await page.goto("/admin/api-keys");
    expect(await page.content()).not.toContain(key);
    await page.getByRole("button", { name: "Revoke Action Network sync" }).click();
    await page.getByText("Revoked: the key no longer opens the API.").waitFor();
    expect((await people(key)).status).toBe(401);
    expect(errors).toEqual([]);

    // axe needs script: the same page, signed in the same way, with JavaScript on.
    const cookies = await context.cookies();
    await context.close();
    const js = await newPage(browser, { viewport: { width: 375, height: 800 } });
    await js.context.addCookies(cookies);
    await js.page.goto("/admin/api-keys");
    await js.page.getByRole("heading", { name: "API keys", level: 1 }).waitFor();
    expect(await seriousViolations(js.page)).toEqual([]);
    expect(await js.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(js.errors).toEqual([]);
    await js.context.close();
  });
});
