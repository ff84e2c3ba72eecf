import type { Browser } from "playwright-core";
import { inject } from "vitest";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { makeOrganizer } from "../factories";
import { launchBrowser, newPage, screenshot, seriousViolations } from "../support/browser";
import { type ExtraServer, startCwcServer } from "../support/extra-server";
import { type FakeCwc, validateCwcXml } from "../support/fake-cwc";
import { startFakeCwc } from "../support/congress-setup";
import { createFreshDatabase } from "../support/fresh-database";
import { sessionCookieFor } from "../support/route-result";
import { E2E_SESSION_SECRET } from "../support/urls";

/*
 * Done means: a letter written in Chromium for 05401 reaches the test CWC server for HVT00, SVT01
 * and SVT03 as valid XML, and shows "accepted" to its writer and to organizers. A server of its
 * own (with its worker) on a database of its own, so that no other worker takes its jobs.
 */
let fake: FakeCwc;
let server: ExtraServer;
let browser: Browser;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await createFreshDatabase({
    adminUrl: inject("adminUrl"),
    templateDatabase: inject("templateDatabase"),
  });
  drop = fresh.drop;
  overrideEnv({ LOG_LEVEL: "error", SESSION_SECRET: E2E_SESSION_SECRET });
  connectDatabase(fresh.url, 3);
  fake = await startFakeCwc(["SVT01", "SVT03"]);
  server = await startCwcServer(fresh.url, fake);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.stop();
  await closeDatabase();
  await drop?.();
});

describe("a letter delivered through CWC", { timeout: 150_000 }, () => {
  it("05401: written in Chromium, it reaches HVT00, SVT01 and SVT03 as valid XML and shows accepted", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${server.baseUrl}/campaigns/dpaa-director/letter?zip=05401`);
    await page.getByLabel("Title").selectOption("Dr.");
    await page.getByLabel("First name").fill("Grace");
    await page.getByLabel("Last name").fill("Hopper");
    await page.getByLabel("Street address").fill("12 Main St");
    await page.getByLabel("ZIP+4 ending (optional)").fill("1234");
    await page.getByLabel("Phone (optional)").fill("(802) 555-0142");
    await page.getByLabel("Email", { exact: true }).fill("grace@example.org");
    await page.getByLabel("Your own paragraph (optional)").fill("My uncle never came home from Korea.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Preview my letters" }).click();
    await page.getByRole("button", { name: /Send these \d+ letters/ }).click();
    await page.waitForURL("**/letters/**");
    const writerPage = page.url();

    const deadline = Date.now() + 60_000;
    let statuses: string[] = [];
    for (;;) {
      await page.goto(writerPage);
      statuses = await page.locator(".cwc-status strong").allTextContents();
      if (statuses.length === 3 && statuses.every((s) => s === "accepted")) break;
      if (Date.now() > deadline) throw new Error(`statuses: ${statuses.join(", ")}\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(
      await page
        .locator(".cwc-status")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-office")).sort()),
    ).toEqual(["HVT00", "SVT01", "SVT03"]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "cwc-writer-accepted");

    for (const office of ["HVT00", "SVT01", "SVT03"]) {
      const got = fake.deliveredTo(office);
      expect(got).toHaveLength(1);
      expect((await validateCwcXml(got[0].xml)).valid).toBe(true);
      expect(got[0].xml).toContain("<Prefix>Dr.</Prefix>");
      expect(got[0].xml).toContain("<Phone>802-555-0142</Phone>");
      expect(got[0].xml).toContain("<Zip>05401-1234</Zip>");
    }

    // organizers: the campaign's delivery page, per office
    const viewer = await makeOrganizer("viewer", { email: `cwc-viewer-${Date.now()}@example.org` });
    const [name, value] = (await sessionCookieFor(viewer.id)).split("=");
    await context.addCookies([{ name, value, url: server.baseUrl }]);
    const campaign = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    await page.goto(`${server.baseUrl}/admin/letters/${campaign.id}/delivery`);
    const headers = await page.locator("table.data thead th").allTextContents();
    const acceptedColumn = headers.indexOf("accepted");
    for (const office of ["HVT00", "SVT01", "SVT03"])
      expect(await page.locator(`tr[data-office="${office}"] td`).nth(acceptedColumn).textContent()).toBe(
        "1",
      );
    expect(await seriousViolations(page)).toEqual([]);
    // a viewer does not get the download of writers' addresses
    expect(await page.getByRole("button", { name: "Download" }).count()).toBe(0);

    // the public page, at phone width
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.baseUrl}/delivery`);
    expect(await page.locator('tr[data-office="SVT01"] td').nth(2).textContent()).toBe("1");
    expect(await page.content()).not.toContain("grace@example.org");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "cwc-public-delivery-375");

    // the public committee page, at phone width
    await page.goto(`${server.baseUrl}/committees/HSAS02`);
    await page.getByRole("heading", { name: /Military Personnel/ }).waitFor();
    expect(await page.locator("table.data tbody tr").count()).toBeGreaterThanOrEqual(13);
    expect(await page.getByText("Chairman").count()).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, "committee-HSAS02-375");

    // organizers: the Congresses stored and the moment of the switch, at phone width
    await page.goto(`${server.baseUrl}/admin/congresses`);
    await page.getByRole("heading", { name: "Congresses" }).waitFor();
    expect(await page.locator('tr[data-congress="119"] th').textContent()).toBe("119th Congress (in force)");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, "admin-congresses-375");
    expect(errors).toEqual([]);
  });
});
