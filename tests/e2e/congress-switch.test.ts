import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { makeOrganizer } from "../factories";
import { launchBrowser, newPage, seriousViolations } from "../support/browser";
import { importCongresses, startFakeCwc } from "../support/congress-setup";
import { type ExtraServer, startCwcServer } from "../support/extra-server";
import { type FakeCwc, validateCwcXml } from "../support/fake-cwc";
import { createFreshDatabase } from "../support/fresh-database";
import { sessionCookieFor } from "../support/route-result";
import { E2E_SESSION_SECRET } from "../support/urls";

/*
 * The switch to the 120th Congress in a built server: the "119th to 120th" fixture imported beside
 * the snapshot, and the server's clock (CLOCK_AT) at 16:59 UTC on 2027-01-03, then, in a second
 * server on the same database, at 17:01. A letter written in Chromium for 05401 reaches the test
 * CWC server for the members in force (valid XML) and shows "accepted" to its writer and to
 * organizers; the campaign's committee targets resolve to their members (HSAS02 is emptied in
 * the 120th, SSAS17 is not).
 */
let fake: FakeCwc;
let browser: Browser;
let drop: () => Promise<void>;
let databaseUrl = "";
let campaignId = 0;
let organizerCookie = "";
let editorCookie = "";

beforeAll(async () => {
  const fresh = await createFreshDatabase({
    adminUrl: inject("adminUrl"),
    templateDatabase: inject("templateDatabase"),
  });
  drop = fresh.drop;
  databaseUrl = fresh.url;
  overrideEnv({ LOG_LEVEL: "error", SESSION_SECRET: E2E_SESSION_SECRET });
  connectDatabase(fresh.url, 3);
  const { next } = await importCongresses(db(), { next: true });
  expect(next?.congress).toBe(120);
  fake = await startFakeCwc(["SVT01", "SVT03"]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await fake?.stop();
  await closeDatabase();
  await drop?.();
});

async function withServer<T>(clockAt: string, run: (server: ExtraServer) => Promise<T>): Promise<T> {
  const server = await startCwcServer(databaseUrl, fake, { CLOCK_AT: clockAt });
  try {
    if (!campaignId) {
      campaignId = (
        await db()
          .selectFrom("campaigns")
          .select("id")
          .where("slug", "=", "dpaa-director")
          .executeTakeFirstOrThrow()
      ).id;
      const viewer = await makeOrganizer("viewer", { email: `switch-viewer-${Date.now()}@example.org` });
      organizerCookie = await sessionCookieFor(viewer.id);
      const editor = await makeOrganizer("editor", { email: `switch-editor-${Date.now()}@example.org` });
      editorCookie = await sessionCookieFor(editor.id);
    }
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** Writes and sends the letters for 05401 and waits until every office's status is "accepted". */
async function writeAndDeliver(page: Page, server: ExtraServer, lastName: string) {
  await page.goto(`${server.baseUrl}/campaigns/dpaa-director/letter?zip=05401`);
  await page.getByLabel("Title").selectOption("Ms.");
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Street address").fill("12 Main St");
  await page.getByLabel("Email", { exact: true }).fill(`${lastName.toLowerCase()}@example.org`);
  await page.getByRole("button", { name: "Preview my letters" }).click();
  await page.getByRole("button", { name: /Send these \d+ letters/ }).click();
  await page.waitForURL("**/letters/**");
  const writerPage = page.url();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(writerPage);
    const statuses = await page.locator(".cwc-status strong").allTextContents();
    if (statuses.length === 3 && statuses.every((s) => s === "accepted")) break;
    if (Date.now() > deadline) throw new Error(`statuses: ${statuses.join(", ")}\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(await seriousViolations(page)).toEqual([]);
  const letters = await db()
    .selectFrom("letters as l")
    .innerJoin("letterSubmissions as s", "s.id", "l.submissionId")
    .select(["l.recipientKind", "l.bioguide", "s.congress"])
    .where("s.lastName", "=", lastName)
    .where("l.recipientKind", "<>", "official")
    .orderBy("l.position")
    .execute();
  return { letters, text: await page.locator("main").innerText() };
}

/** The XML the test CWC server accepted for an office from this writer. */
function acceptedFor(office: string, lastName: string) {
  return fake.deliveredTo(office).filter((m) => m.xml.includes(`<LastName>${lastName}</LastName>`));
}

async function organizerSees(page: Page, server: ExtraServer) {
  const [name, value] = organizerCookie.split("=");
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  await page.goto(`${server.baseUrl}/admin/letters/${campaignId}/delivery`);
  const headers = await page.locator("table.data thead th").allTextContents();
  const accepted = headers.indexOf("accepted");
  const counts: Record<string, string | null> = {};
  for (const office of ["HVT00", "SVT01", "SVT03"])
    counts[office] = await page.locator(`tr[data-office="${office}"] td`).nth(accepted).textContent();
  await page.goto(`${server.baseUrl}/admin/campaigns/${campaignId}/targets`);
  await page.getByRole("heading", { name: "Who the rules reach today" }).waitFor();
  const reached = await page.locator("h2:has-text('Who the rules reach today') + ul li").allTextContents();
  const warnings = await page.locator("p.warning").allTextContents();
  expect(await seriousViolations(page)).toEqual([]);
  return { counts, reached, warnings };
}

describe("a letter across the switch to the 120th Congress, in a built server", { timeout: 240_000 }, () => {
  it("at 16:59 UTC on 2027-01-03 a letter for 05401 goes to the 119th Congress's members", async () => {
    await withServer("2027-01-03T16:59:00Z", async (server) => {
      const { page, errors } = await newPage(browser);
      const { letters, text } = await writeAndDeliver(page, server, "Before");
      expect(letters.map((l) => [l.recipientKind, l.bioguide, l.congress])).toEqual([
        ["senate", "S000033", 119],
        ["senate", "W000800", 119],
        ["house", "B001318", 119],
      ]);
      expect(text).toContain("Becca Balint");
      for (const office of ["HVT00", "SVT01", "SVT03"]) {
        const got = acceptedFor(office, "Before");
        expect(got).toHaveLength(1);
        expect((await validateCwcXml(got[0].xml)).valid).toBe(true);
      }
      const seen = await organizerSees(page, server);
      expect(seen.counts).toEqual({ HVT00: "1", SVT01: "1", SVT03: "1" });
      // the committee target resolves to its members in the 119th
      expect(seen.reached.filter((r) => r.includes("(HSAS02")).length).toBeGreaterThanOrEqual(13);
      expect(seen.reached.filter((r) => r.includes("(SSAS17")).length).toBeGreaterThanOrEqual(10);
      expect(seen.warnings.join(" ")).not.toContain("not yet published");
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });

  it("at 17:01 UTC the same letter goes to the 120th Congress's members, and HSAS02 says it has none yet", async () => {
    await withServer("2027-01-03T17:01:00Z", async (server) => {
      const { page, errors } = await newPage(browser);
      const { letters, text } = await writeAndDeliver(page, server, "After");
      expect(letters.map((l) => [l.recipientKind, l.bioguide, l.congress])).toEqual([
        ["senate", "S000033", 120],
        ["senate", "W000800", 120],
        ["house", "Z000120", 120],
      ]);
      expect(text).toContain("Avery Greenleaf");
      expect(text).not.toContain("Becca Balint");
      for (const office of ["HVT00", "SVT01", "SVT03"]) {
        const got = acceptedFor(office, "After");
        expect(got).toHaveLength(1);
        expect((await validateCwcXml(got[0].xml)).valid).toBe(true);
      }
      const seen = await organizerSees(page, server);
      expect(seen.counts).toEqual({ HVT00: "2", SVT01: "2", SVT03: "2" });
      expect(seen.reached.filter((r) => r.includes("(HSAS02"))).toEqual([]);
      expect(seen.reached.filter((r) => r.includes("(SSAS17")).length).toBeGreaterThanOrEqual(10);
      expect(seen.reached.join(" ")).not.toContain("Balint");
      expect(seen.warnings.join(" ")).toMatch(
        /HSAS02.*committee assignments for the 120th Congress are not yet published/,
      );
      // the letters page: per district as written, and a packet for each office the rules target
      const [name, value] = editorCookie.split("=");
      await page.context().addCookies([{ name, value, url: server.baseUrl }]);
      await page.goto(`${server.baseUrl}/admin/letters?campaign=${campaignId}`);
      expect(await page.locator('tr[data-district="VT-AL"] td').nth(1).textContent()).toBe("2");
      const ruleRows = page.locator('[data-testid="rule-targets"] tbody tr');
      expect(await ruleRows.count()).toBeGreaterThanOrEqual(10);
      expect(await page.locator('[data-testid="rule-targets"]').innerText()).not.toContain("HSAS02");
      expect(await seriousViolations(page)).toEqual([]);
      const csvLink = await ruleRows.first().getByRole("link", { name: "CSV" }).getAttribute("href");
      const packet = await page.request.get(`${server.baseUrl}${csvLink}`);
      expect(packet.status()).toBe(200);
      const csv = await packet.text();
      expect(csv).toContain(",Before,");
      expect(csv).toContain(",After,");
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });
});
