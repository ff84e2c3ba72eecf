import type { Browser } from "playwright-core";
import { db } from "~db/index.server";
import { launchBrowser, newPage, screenshot, seriousViolations, waitForHydration } from "../support/browser";
import { useServerDatabase } from "../support/server-database";

useServerDatabase();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const mailTo = (to: string) =>
  db()
    .selectFrom("emails")
    .select(["kind", "text", "html"])
    .where("toAddress", "=", to)
    .orderBy("id")
    .execute();

/**
 * Issue 10 item 8: the letter form emails the address it was given only a link, with nothing the
 * writer typed; the copy with the letters' text follows when the address's owner asks for it.
 */
describe("the copy of a letter set", () => {
  it("is emailed only after its address asks for it from the emailed link", async () => {
    const email = `copy-${Date.now().toString(36)}@example.org`;
    const { context, page, errors } = await newPage(browser, { javaScriptEnabled: true });
    await page.goto("/campaigns/dpaa-director/letter");
    await waitForHydration(page);
    await page.locator("#zip").fill("05401");
    await page.getByRole("button", { name: "Find my members" }).click();
    await page.getByText("Becca Balint").first().waitFor();
    await page.getByLabel("First name").fill("Spammy");
    await page.getByLabel("Last name").fill("Sender");
    await page.getByLabel("Street address").fill("12 Main St");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Your own paragraph (optional)").fill("Buy cheap watches at spam.example today.");
    await page.getByRole("button", { name: "Preview my letters" }).click();
    await page.getByRole("button", { name: /Send these \d+ letters/ }).click();
    await page.waitForURL("**/letters/**");
    await page.getByRole("heading", { name: /Now deliver your letters/ }).waitFor();

    const [request] = await mailTo(email);
    expect(request.kind).toBe("letter-copy-request");
    expect(request.text + request.html).not.toContain("spam.example");
    expect(request.text + request.html).not.toContain("Spammy");
    const link = /https?:\/\/[^\s\]]+\/letters\/copy\/[0-9]+\.[A-Za-z0-9_-]+/.exec(request.text)![0];

    expect(errors).toEqual([]);
    await context.close();

    // The address's owner opens the link, in a browser of their own.
    const inbox = await newPage(browser, { javaScriptEnabled: true });
    await inbox.page.goto(new URL(link).pathname);
    await inbox.page.getByRole("heading", { name: "Get a copy of your letters" }).waitFor();
    expect(await mailTo(email)).toHaveLength(1); // opening the link (as a mail scanner would) sends nothing
    await waitForHydration(inbox.page);
    expect(await seriousViolations(inbox.page)).toEqual([]);
    await screenshot(inbox.page, "letter-copy-request");
    await inbox.page.getByRole("button", { name: "Send me my letters" }).click();
    await inbox.page.getByRole("heading", { name: "Your copy is on its way" }).waitFor();

    const mails = await mailTo(email);
    expect(mails.map((m) => m.kind)).toEqual(["letter-copy-request", "letter-copy"]);
    expect(mails[1].text).toContain("Buy cheap watches at spam.example today.");
    expect(inbox.errors).toEqual([]);
    await inbox.context.close();
  });

  it("answers 404 to a forged link", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const res = await page.goto("/letters/copy/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { name: "We do not recognise this link" }).waitFor();
    await context.close();
  });
});
