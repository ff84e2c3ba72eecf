import type { NextFunction, Request, Response } from "express";
import { sendError } from "./express-http.server";

/*
 * Refuses, before any route sees it, a request no browser or client of ours sends: an odd method,
 * an address that is not valid UTF-8 or holds a NUL byte, a malformed Host or X-Forwarded-Host.
 * Each gets a 4xx with a readable message (the API's error shape under /api and /webhooks).
 */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

export function validHost(value: string): boolean {
  const m = HOST.exec(value);
  if (!m) return false;
  return m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 65535);
}

/** The problem with a request's address, or null: bad percent-encoding, invalid UTF-8, NUL. */
export function addressProblem(url: string): string | null {
  const [path, query = ""] = url.split(/\?(.*)/s, 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return "The address is not valid: it has a broken percent-encoding or bytes that are not UTF-8.";
  }
  if (decoded.includes("\u0000") || /%00/i.test(query))
    return "The address is not valid: it holds a NUL byte.";
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(decoded))
    return "The address is not valid: it holds a control character (a line break or tab).";
  return null;
}

export function requestGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!METHODS.has(req.method)) {
      res.setHeader("Allow", "GET, HEAD, POST");
      return sendError(req, res, 405, "method_not_allowed", `The ${req.method} method is not allowed here.`);
    }
    const problem = addressProblem(req.originalUrl);
    if (problem) return sendError(req, res, 400, "invalid_address", problem);
    // Single fetch serves a page's data at `<path>.data`; Remix's old `?_data=` protocol is
    // refused everywhere (Remix would still answer it, and log a warning for each request).
    if (/[?&]_data(=|&|$)/.test(req.originalUrl))
      return sendError(req, res, 400, "invalid_request", "_data is not a parameter of this site.");
    const host = req.headers.host;
    if (host === undefined || !validHost(host))
      return sendError(
        req,
        res,
        400,
        "invalid_host",
        "The Host header is missing or not a valid host name and port.",
      );
    const forwarded = req.headers["x-forwarded-host"];
    if (forwarded !== undefined) {
      // Proxies may chain a list; each entry must be a host. The first is the one the client used.
      const hosts = String(forwarded)
        .split(",")
        .map((h) => h.trim());
      if (!hosts.every(validHost))
        return sendError(
          req,
          res,
          400,
          "invalid_host",
          "The X-Forwarded-Host header is not a valid host name and port.",
        );
      req.headers["x-forwarded-host"] = hosts[0];
    }
    next();
  };
}
