import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Paths that other sites may frame (the embeddable widgets); everything else refuses framing. */
export const FRAMEABLE_PREFIXES = ["/embed/"];

export function contentSecurityPolicy(nonce: string, frameable: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://checkout.stripe.com https://billing.stripe.com",
    frameable ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh CSP nonce: every page answer gets one of its own (the response cache's replays too). */
export function cspNonce(): string {
  return randomBytes(16).toString("base64");
}

/** JSON and webhook answers run no script and are never framed: a fixed policy, no nonce. */
const DATA_PATH = /^\/(api|webhooks)\//;
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Security headers on every response; a fresh CSP nonce per page in res.locals.nonce. */
export function securityHeaders(options: { hsts: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (options.hsts)
      res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
    if (DATA_PATH.test(req.path)) {
      res.setHeader("Content-Security-Policy", DATA_POLICY);
      return next();
    }
    const nonce = cspNonce();
    res.locals.nonce = nonce;
    const frameable = FRAMEABLE_PREFIXES.some((p) => req.path.startsWith(p));
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, frameable));
    if (!frameable) res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    next();
  };
}

/** Headers a page may set for itself (its `headers` export), replacing the default set above. */
const PAGE_OWN = new Set([
  "referrer-policy",
  "x-frame-options",
  "cross-origin-opener-policy",
  "permissions-policy",
]);

/**
 * Before the Remix handler: the adapter copies a page's headers with `res.append`, which would
 * send the default and the page's own value both (two Referrer-Policy headers on the delivery
 * page). For these headers the page's value replaces the default.
 */
export function pageHeadersReplaceDefaults(_req: Request, res: Response, next: NextFunction) {
  const append = res.append.bind(res);
  res.append = (field: string, value?: string | string[]) => {
    if (value !== undefined && PAGE_OWN.has(field.toLowerCase())) {
      res.setHeader(field, value);
      return res;
    }
    return append(field, value);
  };
  next();
}
