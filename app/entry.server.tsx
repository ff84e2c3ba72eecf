import { isRouteErrorResponse } from "@remix-run/react";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { i18nFor, requestLocale } from "~/i18n/i18n.server";
import { env } from "~/env.server";
import { log } from "~/lib/log.server";

export { main } from "./boot.server";

const ABORT_DELAY = 5_000;

/**
 * Public pages that are the same for every visitor (no per-visitor form token), so a CDN or proxy
 * may serve them for a few seconds: a surge of readers then costs the app one render per page
 * per 15 s. Never pages with forms that carry a nonce (donations) or anything under /admin.
 */
const SHARED_CACHEABLE = [/^\/$/, /^\/campaigns\/[^/]+$/, /^\/cases(\/[^/]+)?$/, /^\/about$/];
/** The same pages in another language (/ko/cases/sam-logan): the same for every visitor too. */
const LOCALE_PREFIX = /^\/(ko|ru|zh-Hans|zh-Hant)(?=\/|$)/;

function sharedCacheHeader(request: Request, status: number, headers: Headers) {
  if (
    request.method !== "GET" ||
    status !== 200 ||
    request.headers.has("cookie") ||
    headers.has("Cache-Control")
  )
    return;
  const path = new URL(request.url).pathname;
  const prefixed = LOCALE_PREFIX.test(path);
  if (SHARED_CACHEABLE.some((re) => re.test(path.replace(LOCALE_PREFIX, "") || "/"))) {
    headers.set("Cache-Control", "public, max-age=0, s-maxage=15, stale-while-revalidate=60");
    // An English page offers the visitor's own language (Accept-Language): cache one per language.
    if (!prefixed) headers.append("Vary", "Accept-Language");
  }
}
export const streamTimeout = ABORT_DELAY;

/** A page answered 503 (the database is unavailable) tells the client when to come back. */
function retryAfterOn503(status: number, headers: Headers) {
  if (status === 503 && !headers.has("Retry-After"))
    headers.set("Retry-After", String(env().DB_RETRY_AFTER_SECONDS));
}

/** `.data` requests (single fetch) get the same Retry-After as pages. */
export function handleDataRequest(response: Response) {
  retryAfterOn503(response.status, response.headers);
  return response;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const i18n = await i18nFor(requestLocale(request));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          retryAfterOn503(responseStatusCode, responseHeaders);
          sharedCacheHeader(request, responseStatusCode, responseHeaders);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered)
            log.error("render error", { error: error instanceof Error ? error.stack : String(error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A refusal Remix answers itself (405 for a route without an action, 404) is not a server error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  log.error("request failed", {
    url: new URL(request.url).pathname,
    error: error instanceof Error ? error.stack : String(error),
  });
}
