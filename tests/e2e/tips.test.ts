import { inject } from "vitest";
import type { Browser } from "playwright-core";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { makeOrganizer } from "../factories";
import { makePdf, makePng } from "../factories/files";
import { launchBrowser, newPage, screenshot, seriousViolations, waitForHydration } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  connectDatabase(inject("serverDatabaseUrl"), 2);
});
afterAll(async () => {
  await browser?.close();
  await closeDatabase();
});

describe("tips", () => {
  it.each(["/tips/new", "/tips/new?media=pyongyang-pow-footage", "/cases/help-identify"])(
    "%s has no serious or critical accessibility violation",
    async (path) => {
      const { context, page } = await newPage(browser);
      expect((await page.goto(path))?.status()).toBe(200);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it("a visitor sends a tip with two attachments from Help identify; an organizer reads and triages it", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto("/cases");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Help identify them" }).click();
    await page.waitForURL("**/cases/help-identify");
    await page.locator(".media-item").first().waitFor();
    expect(await page.locator(".media-item").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "help-identify");
    await waitForHydration(page);
    await page
      .getByRole("link", { name: /I recognise someone in “Help identify the men in the Pyongyang footage”/ })
      .click();
    await page.waitForURL("**/tips/new?media=pyongyang-pow-footage");
    expect(await page.locator(".tip-about").textContent()).toMatch(/Pyongyang footage/);
    await waitForHydration(page);
    await page
      .getByLabel("What do you know?")
      .fill("The man on the left is my uncle <b>bold</b>, taken at Camp 5.");
    await page.getByLabel("Email").fill("niece@example.org");
    await page.getByLabel("Photos or documents (optional)").setInputFiles([
      { name: "uncle.png", mimeType: "image/png", buffer: await makePng(64) },
      { name: "letter.pdf", mimeType: "application/pdf", buffer: makePdf() },
    ]);
    await screenshot(page, "tip-form-filled");
    await page.getByRole("button", { name: "Send the tip" }).click();
    await page.waitForURL("**/tips/sent?ref=*");
    const reference = (await page.locator(".tip-reference").textContent())!.trim();
    expect(reference).toMatch(/^TIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "tip-sent");
    expect(errors).toEqual([]);
    await context.close();

    const editor = await makeOrganizer("editor", { name: "Edna Editor" });
    const admin = await newPage(browser);
    await admin.page.goto("/admin/tips");
    await admin.page.waitForURL("**/admin/login**");
    await admin.page.getByLabel("Email").fill(editor.email);
    await admin.page.getByLabel("Password").fill(editor.password);
    await admin.page.getByRole("button", { name: "Sign in" }).click();
    await admin.page.waitForURL("**/admin/tips");
    await screenshot(admin.page, "tip-queue");
    await admin.page.getByRole("link", { name: reference }).click();
    await admin.page.waitForURL("**/admin/tips/*");
    expect(await admin.page.locator(".tip-text").first().textContent()).toContain("my uncle <b>bold</b>");
    expect(await admin.page.locator(".tip-text b").count()).toBe(0);
    expect(await admin.page.getByText("niece@example.org").count()).toBeGreaterThan(0);
    expect(await admin.page.locator(".tip-files li").count()).toBe(2);
    // Wait for the image to finish loading (on a busy machine it may not have yet), then check it.
    const imageOk = await admin.page.locator(".tip-files img").evaluate(async (img: HTMLImageElement) => {
      await img.decode().catch(() => undefined); // resolves once loaded and decoded; a broken image fails below
      return img.complete && img.naturalWidth === 64;
    });
    expect(imageOk).toBe(true);
    await waitForHydration(admin.page);
    await admin.page.getByLabel("State").selectOption("forwarded");
    await admin.page.getByLabel("Forwarded to").fill("DPAA (Defense POW/MIA Accounting Agency)");
    await admin.page.getByLabel("Forwarded on").fill("2026-11-20");
    await admin.page.getByLabel("Assigned to").selectOption({ label: "Edna Editor" });
    await admin.page.getByRole("button", { name: "Save triage" }).click();
    await admin.page.getByText("Saved.").waitFor();
    await admin.page
      .getByLabel("Add a note (organizers only)")
      .fill("Asked the niece for the original print.");
    await admin.page.getByRole("button", { name: "Add note" }).click();
    await admin.page.locator(".tip-notes li").waitFor();
    expect(await admin.page.locator("h1 .badge").textContent()).toBe("Forwarded");
    await screenshot(admin.page, "tip-detail");
    expect(await seriousViolations(admin.page)).toEqual([]);
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const tip = await db()
      .selectFrom("tips")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ status: "forwarded", forwardedOn: "2026-11-20", assignedTo: editor.id });
    const views = await db()
      .selectFrom("auditLog")
      .select("id")
      .where("action", "=", "tip.view")
      .where("subjectId", "=", String(tip.id))
      .execute();
    expect(views.length).toBeGreaterThanOrEqual(1);
  });

  it("works without JavaScript, and anonymous file URLs go to the login page", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/tips/new");
    await page.getByRole("button", { name: "Send the tip" }).click();
    expect(await page.locator("#body-error").textContent()).toMatch(/empty/);
    await page.getByLabel("What do you know?").fill("A tip sent with JavaScript off.");
    await page.getByRole("button", { name: "Send the tip" }).click();
    await page.waitForURL("**/tips/sent?ref=*");
    const file = await db().selectFrom("tipAttachments").select(["id", "tipId"]).executeTakeFirstOrThrow();
    const res = await page.goto(`/admin/tips/${file.tipId}/files/${file.id}`);
    expect(page.url()).toContain("/admin/login?redirectTo=");
    expect(res?.status()).toBe(200);
    await context.close();
  });
});
