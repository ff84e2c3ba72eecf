import type { NextFunction, Request, Response } from "express";
import { wantsJson } from "~/lib/api.server";
import { sendError } from "~/lib/express-http.server";

/**
 * Requests that are authenticated by their own signature or token and so may come from
 * anywhere: provider webhooks and RFC 8058 one-click unsubscribe. Keep this list explicit.
 */
export const CROSS_SITE_EXEMPT: RegExp[] = [
  /^\/webhooks\/(stripe|resend)$/,
  /^\/unsubscribe\/[1-9][0-9]*\.[0-9]+\.[A-Za-z0-9_-]{22}\/one-click$/,
];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSite(
  req: { method: string; path: string; headers: Record<string, string | string[] | undefined> },
  appOrigin: string,
): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (CROSS_SITE_EXEMPT.some((re) => re.test(req.path))) return false;
  const fetchSite = header(req.headers["sec-fetch-site"]);
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = header(req.headers.origin);
  if (!origin) return false;
  if (origin === "null") return true;
  const host = header(req.headers.host);
  const allowed = new Set([appOrigin]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return !allowed.has(origin);
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Refuses non-GET requests a browser sends from another site (CSRF defence). */
export function sameOriginOnly(appOrigin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isCrossSite(req, appOrigin)) return next();
    const message = wantsJson(req.path)
      ? "Cross-site requests are not allowed."
      : "Forbidden: this form must be sent from this site.";
    sendError(req, res, 403, "cross_site_request", message);
  };
}
