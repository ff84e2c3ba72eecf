import { spawn } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { db } from "~db/index.server";
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

const slug = "ask-moscow-beijing";

/** `npm run verify` as a user runs it: a separate process against the running server. */
function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/verify.ts", ...args], { stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function pageCount(page: Page): Promise<number> {
  await page.goto(`/campaigns/${slug}`);
  const text = await page.locator(".petition .progress__label strong").first().textContent();
  return Number((text ?? "0").replace(/,/g, ""));
}

/** Waits for the roll-up to have put every change of this signature into the log, and for a checkpoint to cover it. */
function logged(signatureId: number, state: string) {
  return until(`signature ${signatureId} to be logged as ${state} and checkpointed`, async () => {
    const row = await db()
      .selectFrom("signatures")
      .innerJoin("transparencyLogs", "transparencyLogs.petitionId", "signatures.petitionId")
      .select(["signatures.logState", "transparencyLogs.size", "transparencyLogs.checkpointSize"])
      .where("signatures.id", "=", signatureId)
      .executeTakeFirst();
    return row?.logState === state && row.checkpointSize === row.size ? true : undefined;
  });
}

const counted = (stdout: string) => Number(/counted (\d+)/.exec(stdout)?.[1]);

describe("a tally anyone can check", () => {
  it("gives a receipt on confirmation that the verifier accepts, and refuses once the signature is invalidated", async () => {
    const { context, page, errors } = await newPage(browser);
    const email = `receipt-${Date.now()}@example.org`;
    await page.goto(`/campaigns/${slug}`);
    await waitForHydration(page);
    await page.getByLabel("First name", { exact: true }).fill("Alma");
    await page.getByLabel("Last name", { exact: true }).fill("Reyes");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("ZIP code", { exact: true }).fill("05401");
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await page.getByText("Thank you for signing.").waitFor();

    const link = await until("the confirmation email", async () => {
      const r = await db()
        .selectFrom("emails")
        .select("text")
        .where("toAddress", "=", email)
        .where("kind", "=", "signature-confirmation")
        .executeTakeFirst();
      const m = r?.text.match(/https?:\/\/[^\s\]]+\/confirm\/[A-Za-z0-9_-]+/);
      return m ? new URL(m[0]).pathname : undefined;
    });
    await page.goto(link);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await page.getByRole("heading", { name: "Your receipt" }).waitFor();
    const receipt = (await page.locator("#receipt-code").textContent())?.trim() ?? "";
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{40,60}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "transparency-receipt");
    const sig = await db()
      .selectFrom("signatures")
      .select(["id", "petitionId"])
      .where("emailCanonical", "=", email)
      .executeTakeFirstOrThrow();
    // The confirmed email carries the same receipt.
    const confirmed = await until("the confirmed email", () =>
      db()
        .selectFrom("emails")
        .select("text")
        .where("toAddress", "=", email)
        .where("kind", "=", "signature-confirmed")
        .executeTakeFirst(),
    );
    expect(confirmed.text).toContain(receipt);

    await logged(sig.id, "confirmed");
    const ok = await verify(`${baseUrl()}/campaigns/${slug}`, "--receipt", receipt);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/receipt: in the log at line \d+, counted/);
    const before = await pageCount(page);
    expect(counted(ok.stdout)).toBe(before);
    const api = await (await fetch(`${baseUrl()}/api/v1/petitions/${slug}`)).json();
    expect(api.signatureCount).toBe(before);

    // An organizer invalidates it through the dashboard.
    const editor = await makeOrganizer("editor");
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl()}/admin`);
    await page.goto(`/admin/petitions/${sig.petitionId}`);
    await page.getByLabel("Match by").selectOption("email");
    await page.getByLabel("Value").fill(email);
    await page.getByRole("button", { name: "Count matches" }).click();
    await page.getByText("1 pending or confirmed signatures match.").waitFor();
    await page.getByLabel(/Yes, invalidate these 1 signatures/).check();
    await page.getByRole("button", { name: "Invalidate", exact: true }).click();
    await page.getByText("1 signatures invalidated; counts recomputed.").waitFor();

    await logged(sig.id, "invalidated");
    const refused = await verify(`${baseUrl()}/campaigns/${slug}`, "--receipt", receipt);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /FAILED: the receipt's signature was removed by line \d+: invalidation \(duplicate\)/,
    );
    const still = await verify(`${baseUrl()}/transparency/petitions/${slug}`);
    expect(still.code).toBe(0);
    const after = await pageCount(page);
    expect(after).toBe(before - 1);
    expect(counted(still.stdout)).toBe(after);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(["/transparency", `/transparency/petitions/${slug}`, "/about"])(
    "%s reads well at 375 px with no serious accessibility violation",
    async (path) => {
      const { context, page } = await newPage(browser, { viewport: { width: 375, height: 740 } });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    },
  );
});
