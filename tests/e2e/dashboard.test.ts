import { sql } from "kysely";
import type { Browser } from "playwright-core";
import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { makeOrganizer } from "../factories";
import { baseUrl, launchBrowser, newPage, screenshot, seriousViolations } from "../support/browser";
import { makePetition } from "../support/petitions";
import { sessionCookieFor } from "../support/route-result";
import { useServerDatabase } from "../support/server-database";

useServerDatabase();

let browser: Browser;
let campaignTitle = "";
beforeAll(async () => {
  browser = await launchBrowser();
  const p = await makePetition({ requiresConfirmation: false });
  campaignTitle = `Dashboard campaign ${Date.now().toString(36)}`;
  await db().updateTable("campaigns").set({ title: campaignTitle }).where("id", "=", p.campaignId).execute();
  // 1,234 confirmed signatures an hour ago, and 66 four days ago.
  await sql`
    with s as (
      insert into supporters (email, email_canonical)
      select 'e2e-dash-' || g || '-' || ${p.petitionId} || '@example.org', 'e2e-dash-' || g || '-' || ${p.petitionId} || '@example.org'
      from generate_series(1, 1300) g returning id, email_canonical
    )
    insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name, us_state, district, confirmed_at, created_at)
    select ${p.petitionId}, id, email_canonical, 'example.org', 'confirmed', 'E', 'S', 'VT', 0,
      now() - case when id % 1300 < 66 then interval '4 days' else interval '1 hour' end, now() - interval '4 days'
    from s`.execute(db());
  await rollUpSignatures();
});
afterAll(async () => {
  await browser?.close();
});

/** axe-core runs in the page, so the checks that use it keep script on; the rest go without. */
async function dashboardPage(role: OrganizerRole, { width = 1280, script = false } = {}) {
  const organizer = await makeOrganizer(role);
  const opened = await newPage(browser, { javaScriptEnabled: script, viewport: { width, height: 900 } });
  const cookie = await sessionCookieFor(organizer.id);
  const at = cookie.indexOf("=");
  await opened.context.addCookies([
    { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: baseUrl() },
  ]);
  await opened.page.goto("/admin");
  return opened;
}

describe("the organizer's dashboard", () => {
  it("shows a campaign's figures as sentences and charts, and switches the window without script", async () => {
    const { context, page, errors } = await dashboardPage("owner");
    const section = page.getByRole("region", { name: campaignTitle });
    const row = section.getByRole("row", { name: /^Confirmed signatures/ });
    expect(await row.getByRole("cell").allTextContents()).toEqual(["1,234", "1,300", "1,300"]);
    expect(await section.getByRole("row", { name: /^Given/ }).count()).toBe(1);
    const chart = section.getByRole("img", { name: /Confirmed signatures, last 7 days: 1,300$/ });
    expect(await chart.count()).toBe(1);
    expect(await chart.locator("rect").count()).toBe(7);
    expect(await page.locator("body").innerText()).not.toMatch(/zipRows|nonVoting|newTips|failedEmails/);

    await page
      .getByRole("navigation", { name: "Period shown in the charts" })
      .getByRole("link", { name: "Last 24 hours" })
      .click();
    await page.waitForURL(/window=day/);
    const day = page
      .getByRole("region", { name: campaignTitle })
      .getByRole("img", { name: /Confirmed signatures, last 24 hours: 1,234$/ });
    expect(await day.locator("rect").count()).toBe(24);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("passes axe-core on a desktop", async () => {
    const { context, page, errors } = await dashboardPage("owner", { script: true });
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "dashboard");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reads at 375 px without sideways scrolling, and an editor sees no gifts or amounts", async () => {
    const { context, page, errors } = await dashboardPage("editor", { width: 375, script: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const section = page.getByRole("region", { name: campaignTitle });
    expect(await section.getByRole("row", { name: /^Confirmed signatures/ }).count()).toBe(1);
    expect(await section.getByRole("row", { name: /^(Given|Gifts)/ }).count()).toBe(0);
    expect(await page.getByText("Gifts and amounts are shown to owners.").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-375");
    expect(errors).toEqual([]);
    await context.close();
  });
});
