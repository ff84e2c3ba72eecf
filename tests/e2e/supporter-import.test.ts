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

describe("an organizer importing supporters", () => {
  it("checks a CSV, imports it and watches the progress, without JavaScript, at 375 px", async () => {
    const editor = await makeOrganizer("editor");
    const { context, page, errors } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    page.setDefaultTimeout(8000);
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl()}/admin`);
    await page.goto("/admin/supporters/import");
    const t = Date.now().toString(36);
    const file = {
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `email,first_name,consent\ne2e-${t}-1@example.org,Ina,yes\nnot-an-address,Bad,yes\n`,
      ),
    };
    const fill = async () => {
      await page.getByLabel("CSV file").setInputFiles(file);
      await page.getByLabel("The tool the file comes from").fill("Action Network");
      await page
        .getByLabel("What people agreed to when they subscribed")
        .fill("Send me news about the campaign.");
    };
    await fill();
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await page.getByRole("heading", { name: "What the import would do" }).waitFor();
    expect(await page.getByText("1 new supporter").count()).toBe(1);
    expect(
      await page.getByRole("cell", { name: "Enter an email address like name@example.org." }).count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await fill();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/admin\/supporters\/imports\/\d+$/);
    await page.getByRole("heading", { name: "Import from Action Network" }).waitFor();
    expect(await page.getByRole("progressbar", { name: "People imported" }).count()).toBe(1);
    const progressUrl = page.url();
    // The worker imports it; the page (refreshing itself) ends on the finished numbers.
    await page.getByText(/Finished/).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/1 new supporter, 0 already on our records/).count()).toBe(1);
    expect(errors).toEqual([]);
    // Both pages pass axe (which needs JavaScript to run), in the same session.
    const cookies = await context.cookies();
    const checked = await newPage(browser, { viewport: { width: 375, height: 800 } });
    await checked.context.addCookies(cookies);
    for (const url of ["/admin/supporters/import", progressUrl]) {
      await checked.page.goto(url);
      expect(await seriousViolations(checked.page), url).toEqual([]);
    }
    expect(checked.errors).toEqual([]);
    await checked.context.close();
    await context.close();
  });
});
