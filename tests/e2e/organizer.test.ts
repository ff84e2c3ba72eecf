import type { Browser, Page } from "playwright-core";
import { makeOrganizer } from "../factories";
import {
  baseUrl,
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  waitForHydration,
} from "../support/browser";
import { useServerDatabase } from "../support/server-database";

useServerDatabase();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/admin");
  await page.waitForURL("**/admin/login?redirectTo=%2Fadmin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl()}/admin`);
}

describe("an organizer", () => {
  it("signs in, creates a campaign with a preview, publishes it and sees it on the home page", async () => {
    const editor = await makeOrganizer("editor");
    const { context, page, errors } = await newPage(browser);
    await signIn(page, editor.email, editor.password);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole("navigation", { name: "Organizer" })
      .getByRole("link", { name: "Campaigns" })
      .click();
    await page.getByRole("link", { name: "New campaign" }).click();
    await waitForHydration(page);
    await page.getByLabel("Title").fill("Return the remains held in North Korea");
    await page.getByLabel("Address (slug)").fill("return-the-remains");
    await page
      .getByLabel("Summary")
      .fill(
        "North Korea still holds the remains of Americans lost in the war. Ask Congress to press for their return.",
      );
    await page.getByLabel("Who must act").fill("Congress");
    await page.getByLabel("Each supporter's two senators").check();
    await page
      .getByLabel("The story (Markdown)")
      .fill("## Why this matters\n\nFamilies have waited **seventy years**.\n\n<script>alert('x')</script>");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.locator(".preview h2").waitFor();
    expect(await page.locator(".preview").innerHTML()).not.toContain("<script");
    expect(await page.locator(".preview strong").textContent()).toBe("seventy years");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/admin\/campaigns\/\d+\?created=1/);
    await screenshot(page, "admin-campaign-draft");

    const draftPage = await fetch(`${baseUrl()}/campaigns/return-the-remains`);
    expect(draftPage.status).toBe(404);

    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/status=live/);
    await page.goto("/");
    expect(
      await page.getByRole("link", { name: "Return the remains held in North Korea", exact: true }).count(),
    ).toBe(1);
    await page.getByRole("link", { name: "Return the remains held in North Korea", exact: true }).click();
    await page.locator("h1", { hasText: "Return the remains held in North Korea" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("with the viewer role can read but is refused an edit", async () => {
    const viewer = await makeOrganizer("viewer");
    const { context, page } = await newPage(browser);
    await signIn(page, viewer.email, viewer.password);
    await page.goto("/admin/campaigns");
    await page.getByRole("heading", { name: "Campaigns" }).waitFor();
    expect(await page.getByRole("link", { name: "New campaign" }).count()).toBe(0);
    await page.getByRole("link", { name: /permanent director/ }).click();
    await page.getByText("Your role can read campaigns but not change them.").waitFor();
    expect(await page.getByText("Your role can read campaigns but not change them.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Publish" }).count()).toBe(0);
    // A forged request gets 403 from the server, not just a hidden button.
    const url = page.url();
    const result = await page.evaluate(async (u) => {
      const body = new URLSearchParams({ intent: "transition", transition: "close" });
      const res = await fetch(u, { method: "POST", body });
      return res.status;
    }, url);
    expect(result).toBe(403);
    const newPageResponse = await page.goto("/admin/campaigns/new");
    expect(newPageResponse?.status()).toBe(403);
    await context.close();
  });
});
