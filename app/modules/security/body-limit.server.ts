import type { NextFunction, Request, Response } from "express";

/**
 * A larger body limit for some paths. When `allowed` is given, the larger limit applies only
 * if it answers true (for example: the request carries a signed-in organizer's session);
 * otherwise the default limit applies.
 */
export interface BodyLimitRule {
  path: RegExp;
  bytes: number;
  allowed?: (req: Request) => Promise<boolean>;
}

/** How long a refused request's connection stays open so the client can read the 413. */
const LINGER_MS = 1000;

/**
 * Every request with a body gets a limit before anything reads it: the default one, or a
 * rule's larger one. A declared length over the limit gets 413 at once; a body that streams
 * past it (chunked, or longer than it said) is cut off with 413 and never buffered.
 */
export function bodyLimit(defaultLimit: number, rules: BodyLimitRule[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    limitFor(req, defaultLimit, rules).then(
      (limit) => enforce(req, res, next, limit),
      () => enforce(req, res, next, defaultLimit),
    );
  };
}

function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

async function limitFor(req: Request, defaultLimit: number, rules: BodyLimitRule[]): Promise<number> {
  const rule = rules.find((r) => r.path.test(req.path));
  if (!rule) return defaultLimit;
  if (rule.allowed && !(await rule.allowed(req))) return defaultLimit;
  return rule.bytes;
}

function enforce(req: Request, res: Response, next: NextFunction, limit: number) {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return refuse(req, res, limit);
  // Counted where the HTTP parser hands the body over (push), so whoever reads it later, and
  // however, never sees more than the limit; the stream is not switched to flowing mode.
  let seen = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null || res.locals.bodyTooLarge) return chunk === null ? push(null) : false;
    seen += (chunk as Buffer).length;
    if (seen <= limit) return push(chunk, encoding);
    refuse(req, res, limit);
    return false; // the parser stops reading the socket
  };
  next();
}

/** True once a request was refused for its size (its handlers' later errors are expected). */
export function refusedForSize(res: Response): boolean {
  return res.locals.bodyTooLarge === true;
}

function refuse(req: Request, res: Response, limit: number) {
  res.locals.bodyTooLarge = true;
  // Whoever was reading the body (Remix) gets nothing more; the connection is closed once the
  // client had time to read the answer.
  const close = () => setTimeout(() => req.socket?.destroy(), LINGER_MS).unref();
  if (res.headersSent) return close();
  res.status(413).setHeader("Connection", "close");
  const message = `The request is too large (limit ${formatLimit(limit)}).`;
  if (req.path.startsWith("/api/")) res.json({ error: { code: "payload_too_large", message } });
  else res.type("html").send(page(message));
  res.once("finish", close);
}

function formatLimit(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}

function page(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too large</title></head><body><main><h1>That was too large to send</h1><p>${message}</p><p>Please go back, make it smaller (fewer or smaller files, shorter text) and try again.</p><p><a href="/">Home</a></p></main></body></html>`;
}
