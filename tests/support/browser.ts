import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: FLAGS,
    headless: true,
  });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** Pages opened with JavaScript disabled (axe cannot run in them; see seriousViolations). */
const withoutScript = new WeakSet<Page>();

/** A page that fails the test on any uncaught page error or console error. */
export async function newPage(
  browser: Browser,
  options: {
    javaScriptEnabled?: boolean;
    viewport?: { width: number; height: number };
    /** The browser's language (sent as Accept-Language), e.g. "ko-KR". */
    locale?: string;
  } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale,
  });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutScript.add(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      !/Failed to load resource: the server responded with a status of (404|403|400|409)/.test(m.text())
    )
      errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/** Waits until Remix has hydrated the page, so clicks reach React handlers. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined &&
      document.readyState === "complete",
  );
  await page.waitForTimeout(50);
}

/**
 * After a client-side navigation, waits for the new page itself: the URL changes (history.push)
 * before React has rendered the next route, so reading the page right after `waitForURL` can
 * still see the previous one. Waits for the URL and then the new page's first heading.
 */
export async function waitForPage(page: Page, url: string | RegExp, heading: string | RegExp) {
  await page.waitForURL(url);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/**
 * axe-core runs inside the page and waits on the page's own timers, which never fire where
 * scripts are disabled: in a page without JavaScript its run never ends (what hung the no-JS
 * reply test after the answer page had loaded). So such a page's document, as it is and without
 * its scripts, is checked in a page of its own with JavaScript, served at the same URL so its
 * stylesheets and relative links are the same.
 */
async function violationsOfCopy(page: Page) {
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const context = await page
    .context()
    .browser()!
    .newContext({
      viewport: page.viewportSize() ?? undefined,
    });
  try {
    const copy = await context.newPage();
    const url = page.url();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    await copy.goto(url);
    return await seriousViolations(copy);
  } finally {
    await context.close();
  }
}

/** axe-core's serious and critical violations on the current page (with or without JavaScript). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (withoutScript.has(page)) return violationsOfCopy(page);
  // Sandboxed frames (rendered emails) allow no script, so axe cannot run inside them and would wait forever.
  const results = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
}

export async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}
