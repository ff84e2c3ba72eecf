import { inject } from "vitest";
import type { Browser } from "playwright-core";
import { closeDatabase, connectDatabase, db } from "~db/index.server";
import { hashToken, randomToken } from "~/modules/security/secrets.server";
import { launchBrowser, newPage, screenshot, seriousViolations } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  connectDatabase(inject("serverDatabaseUrl"), 2);
});
afterAll(async () => {
  await browser?.close();
  await closeDatabase();
});

/** A supporter with one confirmed signature on a seeded live petition, and a /me link for them (the link as emailed). */
async function supporterWithLink() {
  const tag = `${Date.now().toString(36)}`;
  const petition = await db()
    .selectFrom("petitions")
    .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
    .select(["petitions.id", "campaigns.title"])
    .where("campaigns.status", "=", "live")
    .executeTakeFirstOrThrow();
  const email = `me-e2e-${tag}@example.org`;
  const supporter = await db()
    .insertInto("supporters")
    .values({
      email,
      emailCanonical: email,
      firstName: "Marta",
      lastName: `Okafor${tag}`,
      zip: "05401",
      state: "VT",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("signatures")
    .values({
      petitionId: petition.id,
      supporterId: supporter.id,
      emailCanonical: email,
      emailDomain: "example.org",
      state: "confirmed",
      firstName: "Marta",
      lastName: `Okafor${tag}`,
      zip: "05401",
      usState: "VT",
      district: 0,
      confirmedAt: new Date(),
    })
    .execute();
  const token = randomToken();
  await db()
    .insertInto("supporterLinks")
    .values({
      supporterId: supporter.id,
      purpose: "me",
      tokenHash: hashToken(token),
      newEmail: null,
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .execute();
  return { token, email, title: petition.title, supporterId: supporter.id };
}

describe("the supporter's own page", () => {
  // axe runs in the page, so these checks need JavaScript; the journeys below run without it.
  it("/me, a supporter's page and /me/erased have no serious or critical accessibility violation", async () => {
    const me = await supporterWithLink();
    const { context, page, errors } = await newPage(browser, { viewport: { width: 375, height: 800 } });
    for (const path of ["/me", `/me/${me.token}`, "/me/erased"]) {
      expect((await page.goto(path))?.status()).toBe(200);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("/me asks for an address and answers the same for any, without JavaScript", async () => {
    const { context, page, errors } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    expect((await page.goto("/me"))?.status()).toBe(200);
    await page.getByLabel("Your email address").fill("nobody-e2e@example.org");
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("status").waitFor();
    expect(await page.getByRole("status").textContent()).toMatch(/If that address is on our records/);
    await screenshot(page, "me-request-sent");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("from the emailed link a supporter withdraws a signature, downloads their data and erases themselves (no JavaScript, 375 px)", async () => {
    const me = await supporterWithLink();
    const { context, page, errors } = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    expect((await page.goto(`/me/${me.token}`))?.status()).toBe(200);
    expect(await page.getByText(me.email).count()).toBeGreaterThan(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, "me-page");

    await page.getByRole("button", { name: `Withdraw my signature on ${me.title}` }).click();
    await page.getByText(/Your signature is withdrawn/).waitFor();
    expect(await page.getByText("Withdrawn by the signer").count()).toBe(1);

    const download = await page.request.get(`/me/${me.token}/download`);
    expect(download.status()).toBe(200);
    const json = await download.json();
    expect(json.supporter.email).toBe(me.email);
    expect(json.signatures[0].state).toBe("withdrawn");

    await page.getByLabel(/I want everything about me erased/).check();
    await page.getByRole("button", { name: "Erase me" }).click();
    await page.waitForURL("**/me/erased");
    await screenshot(page, "me-erased");
    expect((await page.goto(`/me/${me.token}`))?.status()).toBe(404);
    const row = await db()
      .selectFrom("supporters")
      .select(["email", "erasedAt"])
      .where("id", "=", me.supporterId)
      .executeTakeFirstOrThrow();
    expect(row.email).not.toBe(me.email);
    expect(row.erasedAt).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
