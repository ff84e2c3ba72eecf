import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { db } from "~db/index.server";
import { letterFormSchema } from "~/modules/letters/letters.schema";
import { getLetterCampaign, sendLetters } from "~/modules/letters/letters.server";
import { makeOrganizer } from "../factories";
import {
  baseUrl,
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  waitForHydration,
} from "../support/browser";
import { sessionCookieFor } from "../support/route-result";
import { useServerDatabase } from "../support/server-database";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fillAndSend(page: Page, name: string, shot: string, axe = true) {
  await page.getByLabel("First name").fill(name);
  await page.getByLabel("Last name").fill("Doe");
  await page.getByLabel("Street address").fill("12 Main St");
  await page.getByLabel("Email", { exact: true }).fill(`${name.toLowerCase()}@example.org`);
  await page
    .getByLabel("Your own paragraph (optional)")
    .fill("My uncle never came home. <script>alert(1)</script>");
  await page.getByRole("button", { name: "Preview my letters" }).click();
  await page.getByRole("heading", { name: /exactly as they will be sent/ }).waitFor();
  // Without JavaScript the page arrives as a stream: the heading can be parsed before the
  // letters below it, so wait for the whole document before reading them.
  await page.waitForLoadState("domcontentloaded");
  if (axe) expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${shot}-preview`);
  const letters = await page.locator(".letters-preview pre.letter-text").allTextContents();
  await page.getByRole("button", { name: /Send these \d+ letters/ }).click();
  await page.waitForURL("**/letters/**");
  await page.getByRole("heading", { name: /Now deliver your letters/ }).waitFor();
  await page.waitForLoadState("domcontentloaded");
  if (axe) expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${shot}-delivery`);
  return letters;
}

describe.each([true, false])("writing to Congress with JavaScript %s", (javaScriptEnabled) => {
  it("05401: one district, three members and the Secretary of Defense", async () => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    await page.goto("/campaigns/dpaa-director");
    await page.getByRole("link", { name: "Write to Congress" }).click();
    await page.waitForURL("**/campaigns/dpaa-director/letter");
    if (javaScriptEnabled) await waitForHydration(page);
    // axe runs in the page, so only with JavaScript on
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#zip").fill("05401");
    await page.getByRole("button", { name: "Find my members" }).click();
    await page.getByText("Becca Balint").first().waitFor();
    const letters = await fillAndSend(
      page,
      javaScriptEnabled ? "Jane" : "Joan",
      `05401-js-${javaScriptEnabled}`,
      javaScriptEnabled,
    );
    expect(letters).toHaveLength(4);
    expect(letters[0]).toMatch(/^Dear Senator Sanders,/);
    expect(letters[2]).toMatch(/^Dear Representative Balint,/);
    expect(letters[0]).toContain("<script>alert(1)</script>");
    expect(await page.locator("textarea.letter-copy").count()).toBe(3);
    expect(await page.getByRole("button", { name: "Copy the letter" }).count()).toBe(
      javaScriptEnabled ? 3 : 0,
    );
    const pdf = await page.request.get(
      (await page.getByRole("link", { name: /Download all letters/ }).getAttribute("href")) ?? "",
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("90210: chooses among several districts", async () => {
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
    await page.goto("/campaigns/release-the-files/letter?zip=90210");
    await page.getByRole("heading", { name: "2. Choose your district" }).waitFor();
    expect(await page.locator('input[name="seat"]').count()).toBeGreaterThan(1);
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `90210-choose-js-${javaScriptEnabled}`);
    if (javaScriptEnabled) await waitForHydration(page);
    await page.locator('input[name="seat"][value="CA-36"]').check();
    await page.getByRole("button", { name: "Use this district" }).click();
    await page.waitForURL("**seat=CA-36**");
    await page.getByText("Ted Lieu").first().waitFor();
    const letters = await fillAndSend(
      page,
      javaScriptEnabled ? "Ana" : "Bea",
      `90210-js-${javaScriptEnabled}`,
      javaScriptEnabled,
    );
    expect(letters.map((l) => l.split(",")[0])).toEqual([
      "Dear Senator Padilla",
      "Dear Senator Schiff",
      "Dear Representative Lieu",
      "Dear Archivist of the United States",
      "Dear Director",
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("special places", () => {
  it("00802: the Virgin Islands' delegate, no senators, and the President", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto("/campaigns/ask-moscow-beijing/letter?zip=00802");
    await page.getByText("no senators").first().waitFor();
    await waitForHydration(page);
    const letters = await fillAndSend(page, "Vic", "00802");
    expect(letters.map((l) => l.split(",")[0])).toEqual(["Dear Mr. President", "Dear Delegate Plaskett"]);
    expect(await page.getByText("1600 Pennsylvania Avenue NW").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a vacant seat (CA-14) is named, and the senators still get letters", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto("/campaigns/dpaa-director/letter?zip=94544");
    await page.getByText(/vacant in our data/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await waitForHydration(page);
    const letters = await fillAndSend(page, "Val", "vacant");
    expect(letters.map((l) => l.split(",")[0])).toEqual([
      "Dear Senator Padilla",
      "Dear Senator Schiff",
      "Dear Secretary",
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a malformed ZIP and an over-long paragraph get clear messages", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 375, height: 740 } });
    await page.goto("/campaigns/dpaa-director/letter?zip=ABCDE");
    expect(await page.getByRole("alert").textContent()).toMatch(/5 digits/);
    await page.goto("/campaigns/dpaa-director/letter?zip=05401");
    await waitForHydration(page);
    await page.getByLabel("First name").fill("Long");
    await page.getByLabel("Last name").fill("Writer");
    await page.getByLabel("Street address").fill("1 Main St");
    await page.getByLabel("Email", { exact: true }).fill("long@example.org");
    await page.getByLabel("Your own paragraph (optional)").fill("x".repeat(20_000));
    await page.getByRole("button", { name: "Preview my letters" }).click();
    await page
      .getByText(/at most 5,000 characters/)
      .first()
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "long-paragraph-phone");
    await context.close();
  });
});

describe("an organizer's delivery packet", () => {
  useServerDatabase();

  /** Sends a letter set from 05401 through the letters module, into the server's database. */
  async function writeFrom05401(firstName: string) {
    const { campaign, targets } = (await getLetterCampaign("dpaa-director"))!;
    const form = letterFormSchema.parse({
      zip: "05401",
      seat: "VT-0",
      firstName,
      lastName: "Packet",
      street: "12 Main St",
      city: "Burlington",
      email: `${firstName.toLowerCase()}@example.org`,
      personalNote: "",
      idempotencyKey: randomBytes(16).toString("base64url"),
    });
    expect(await sendLetters(campaign, targets, form, "203.0.113.70")).toMatchObject({
      ok: true,
      created: true,
    });
  }

  it("streams Senator Sanders' packet from the built server's packet process, as a PDF, to an editor only", async () => {
    // its own letters, so the test does not depend on the journeys above
    await writeFrom05401("Pat");
    await writeFrom05401("Sam");
    const campaign = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    const letters = await db()
      .selectFrom("letters")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("campaignId", "=", campaign.id)
      .where("bioguide", "=", "S000033")
      .executeTakeFirstOrThrow();
    expect(Number(letters.n)).toBeGreaterThanOrEqual(2);
    const url = `${baseUrl()}/admin/letters/packet.pdf?campaign=${campaign.id}&office=bioguide:S000033`;
    expect((await fetch(url, { redirect: "manual" })).status).toBe(302);
    const viewer = await makeOrganizer("viewer");
    expect(
      (await fetch(url, { headers: { cookie: await sessionCookieFor(viewer.id) }, redirect: "manual" }))
        .status,
    ).toBe(403);
    const editor = await makeOrganizer("editor");
    const res = await fetch(url, {
      headers: { cookie: await sessionCookieFor(editor.id) },
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer()).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    // cover page + one page per letter
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBe(Number(letters.n) + 1);
  });
});
