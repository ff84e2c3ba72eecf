import type { NextFunction, Request, Response } from "express";
import { preferredLocale } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n/locales";

/**
 * The public pages an anonymous crowd reloads, served from a short-lived cache of the rendered
 * response: the home page, campaign pages, case pages and the count API. Everything else (and
 * any sub-path of these: the signing page, the tip form, the letter form) is rendered per request.
 */
const IN_A_LANGUAGE = `(?:/(?:${LOCALES.filter((l) => l !== "en").join("|")}))?`;
export const CACHED_PATHS: RegExp[] = [
  new RegExp(`^${IN_A_LANGUAGE}/?$`),
  new RegExp(`^${IN_A_LANGUAGE}/campaigns/[a-z0-9-]+/?$`),
  new RegExp(`^${IN_A_LANGUAGE}/cases/(?!help-identify$)[a-z0-9-]+/?$`),
  /^\/api\/v1\/petitions\/[a-z0-9-]+$/,
];

/** A signed-in organizer (or a session being checked) never gets a shared response. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?session=/;
const MAX_ENTRIES = 1_000;
/**
 * While one request renders a page again, the others get the previous render if it is younger
 * than this: with the roll-up's 2 s, a count shown is then never older than 5 s.
 */
const MAX_STALE_MS = 3_000;
/** Headers of the first answer that are not replayed: each answer gets its own. */
const NOT_REPLAYED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "date",
  "set-cookie",
  "content-security-policy",
  "x-response-cache",
]);

interface Entry {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  /** The CSP nonce written into the body: each replay swaps in the visitor's own. */
  nonce: string;
  storedAt: number;
}

/**
 * What a page varies by besides its URL: the language an English page offers (from the visitor's
 * remembered choice or their browser's languages), by the same rule the page uses.
 */
async function offeredLanguage(req: Request): Promise<string> {
  const headers = new Headers();
  if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
  if (req.headers["accept-language"]) headers.set("accept-language", req.headers["accept-language"]);
  return preferredLocale(new Request("http://cache.invalid/", { headers }));
}

function cacheable(req: Request): boolean {
  if (req.method !== "GET") return false;
  if (SESSION_COOKIE.test(req.headers.cookie ?? "")) return false;
  return CACHED_PATHS.some((p) => p.test(req.path));
}

function storable(res: Response): boolean {
  if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return false;
  const control = String(res.getHeader("cache-control") ?? "");
  return !/no-store|private/i.test(control);
}

/**
 * Express middleware: a visitor without a session gets the page from memory when it was rendered
 * less than `seconds` ago for the same URL and locale; concurrent misses wait for one render, or
 * get the previous one while it is under 3 s old (a surge costs one render per page per interval). Each answer still carries its own security
 * headers and CSP nonce, and goes through compression as usual. `seconds` 0 switches it off.
 */
export function responseCache(seconds: number) {
  const ttl = seconds * 1000;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();

  const replay = (entry: Entry, res: Response, how: "hit" | "shared" | "stale") => {
    const nonce = String(res.locals.nonce ?? "");
    res.status(entry.status);
    for (const [name, value] of Object.entries(entry.headers))
      if (!res.hasHeader(name)) res.setHeader(name, value);
    res.setHeader("X-Response-Cache", how);
    res.setHeader("Age", String(Math.floor((Date.now() - entry.storedAt) / 1000)));
    res.end(entry.nonce && nonce ? entry.body.replaceAll(entry.nonce, nonce) : entry.body);
  };

  const capture = (res: Response): Promise<Entry | null> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      const keep = (chunk: unknown, encoding: unknown) => {
        if (chunk == null || typeof chunk === "function") return;
        chunks.push(
          typeof chunk === "string"
            ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
            : Buffer.from(chunk as Uint8Array),
        );
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        keep(chunk, rest[0]);
        return write(chunk, ...rest);
      }) as Response["write"];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        keep(chunk, rest[0]);
        if (!storable(res)) resolve(null);
        else {
          const headers: Entry["headers"] = {};
          for (const [name, value] of Object.entries(res.getHeaders()))
            if (value !== undefined && !NOT_REPLAYED.has(name))
              headers[name] = Array.isArray(value) ? value : String(value);
          resolve({
            status: res.statusCode,
            headers,
            body: Buffer.concat(chunks).toString("utf8"),
            nonce: String(res.locals.nonce ?? ""),
            storedAt: Date.now(),
          });
        }
        return end(chunk, ...rest);
      }) as Response["end"];
      res.on("close", () => resolve(null));
    });

  return async (req: Request, res: Response, next: NextFunction) => {
    if (ttl <= 0 || !cacheable(req)) return next();
    const key = `${await offeredLanguage(req)} ${req.originalUrl}`;
    const entry = entries.get(key);
    const age = entry ? Date.now() - entry.storedAt : Number.POSITIVE_INFINITY;
    if (entry && age < ttl) return replay(entry, res, "hit");
    const inFlight = pending.get(key);
    // One request renders again; the others meanwhile get the previous render (no stall).
    if (inFlight && entry && age < Math.max(ttl, MAX_STALE_MS)) return replay(entry, res, "stale");
    if (inFlight) {
      const shared = await inFlight;
      if (shared) return replay(shared, res, "shared");
      return next();
    }
    const captured = capture(res);
    pending.set(key, captured);
    void captured.then((result) => {
      pending.delete(key);
      if (result) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, result);
      } else entries.delete(key);
    });
    res.setHeader("X-Response-Cache", "miss");
    next();
  };
}
