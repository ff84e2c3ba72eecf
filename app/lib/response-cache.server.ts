import type { NextFunction, Request, Response } from "express";
import { preferredLocale } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n/locales";
import { cspNonce } from "~/modules/security/headers.server";
import {
  acceptsGzip,
  type CachedBody,
  compressBody,
  cutBody,
  gzipBody,
  identityBody,
} from "./cached-body.server";

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
  headers: [string, string | string[]][];
  /** The Content-Security-Policy around its nonce (each answer gets a nonce of its own), or the whole policy. */
  policy: [string, string] | [string] | null;
  /** The body, cut at the nonce it was rendered with; compressed once, soon after, when `compressible`. */
  body: CachedBody;
  compressible: boolean;
  storedAt: number;
}

/**
 * What a page varies by besides its URL: the language an English page offers (from the visitor's
 * remembered choice or their browser's languages), by the same rule the page uses. Worked out once
 * per distinct pair of headers (the crowd sends few), not once per request.
 */
const offered = new Map<string, string>();
async function offeredLanguage(req: Request): Promise<string> {
  const cookie = req.headers.cookie ?? "";
  const languages = req.headers["accept-language"] ?? "";
  const key = `${cookie}\n${languages}`;
  const known = offered.get(key);
  if (known) return known;
  const headers = new Headers();
  if (cookie) headers.set("cookie", cookie);
  if (languages) headers.set("accept-language", languages);
  const locale = await preferredLocale(new Request("http://cache.invalid/", { headers }));
  if (key.length <= 1_024) {
    if (offered.size >= MAX_ENTRIES) offered.clear();
    offered.set(key, locale);
  }
  return locale;
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

function withVary(headers: Entry["headers"]): Entry["headers"] {
  const vary = headers.find(([name]) => name === "vary");
  if (!vary) return [...headers, ["vary", "Accept-Encoding"]];
  if (!/accept-encoding/i.test(String(vary[1]))) vary[1] = `${vary[1]}, Accept-Encoding`;
  return headers;
}

/**
 * The anonymous response cache, in two halves. `serve` comes first in the chain: a visitor
 * without a session gets the page from memory when it was rendered less than `seconds` ago for
 * the same URL and locale, before any other middleware or renderer runs; concurrent misses wait
 * for one render, or get the previous one while it is under 3 s old (a surge costs one render per
 * page per interval). `record` sits after the security headers and compression, just before the
 * renderers, and keeps what the one request that renders sends. Each answer carries its own CSP
 * nonce and the first answer's other headers; a client that takes gzip gets the body compressed
 * at store time (`compressible`: the same rule as the compression middleware). `seconds` 0
 * switches it off.
 */
export function responseCache(seconds: number, compressible: (req: Request, res: Response) => boolean) {
  const ttl = seconds * 1000;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();
  type Render = { settle: (entry: Entry | null) => void; recording: boolean };
  const renders = new WeakMap<Response, Render>();

  const replay = (entry: Entry, req: Request, res: Response, how: "hit" | "shared" | "stale") => {
    const nonce = entry.policy?.length === 2 ? cspNonce() : "";
    const { deflated, pieces } = entry.body;
    const gzip = entry.compressible && deflated !== null && acceptsGzip(req.headers["accept-encoding"]);
    const body = gzip ? gzipBody({ pieces, deflated }, nonce) : identityBody(entry.body, nonce);
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    if (entry.policy) res.setHeader("Content-Security-Policy", entry.policy.join(nonce));
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.setHeader("X-Response-Cache", how);
    res.setHeader("Age", String(Math.floor((Date.now() - entry.storedAt) / 1000)));
    res.end(body);
  };

  /** The entry for a finished render (usable at once; its gzip form follows from the thread pool). */
  const keep = (req: Request, res: Response, chunks: Buffer[]): Entry | null => {
    if (!storable(res)) return null;
    const headers: Entry["headers"] = [];
    for (const [name, value] of Object.entries(res.getHeaders()))
      if (value !== undefined && !NOT_REPLAYED.has(name))
        headers.push([name, Array.isArray(value) ? value : String(value)]);
    const csp = res.getHeader("content-security-policy");
    const rendered = String(res.locals.nonce ?? "");
    const nonce = rendered && typeof csp === "string" && csp.includes(rendered) ? rendered : "";
    const policy: Entry["policy"] =
      typeof csp !== "string" ? null : nonce ? (csp.split(nonce, 2) as [string, string]) : [csp];
    const compress = compressible(req, res);
    const body = cutBody(Buffer.concat(chunks), nonce);
    if (compress) compressBody(body).catch(() => undefined); // stays uncompressed
    return {
      status: res.statusCode,
      headers: compress ? withVary(headers) : headers,
      policy,
      body,
      compressible: compress,
      storedAt: Date.now(),
    };
  };

  /** Wraps the renderer's write/end (inside compression's: it sees the body as rendered). */
  const capture = (req: Request, res: Response): Promise<Entry | null> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      const collect = (chunk: unknown, encoding: unknown) => {
        if (chunk == null || typeof chunk === "function") return;
        chunks.push(
          typeof chunk === "string"
            ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
            : Buffer.from(chunk as Uint8Array),
        );
      };
      let ended = false;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        collect(chunk, rest[0]);
        return write(chunk, ...rest);
      }) as Response["write"];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        collect(chunk, rest[0]);
        ended = true;
        resolve(keep(req, res, chunks));
        return end(chunk, ...rest);
      }) as Response["end"];
      res.on("close", () => {
        if (!ended) resolve(null);
      });
    });

  const serve = async (req: Request, res: Response, next: NextFunction) => {
    if (ttl <= 0 || !cacheable(req)) return next();
    const key = `${await offeredLanguage(req)} ${req.originalUrl}`;
    const entry = entries.get(key);
    const age = entry ? Date.now() - entry.storedAt : Number.POSITIVE_INFINITY;
    if (entry && age < ttl) return replay(entry, req, res, "hit");
    const inFlight = pending.get(key);
    // One request renders again; the others meanwhile get the previous render (no stall).
    if (inFlight && entry && age < Math.max(ttl, MAX_STALE_MS)) return replay(entry, req, res, "stale");
    if (inFlight) {
      const shared = await inFlight;
      if (shared) return replay(shared, req, res, "shared");
      return next();
    }
    const render: Render = { settle: () => undefined, recording: false };
    const rendered = new Promise<Entry | null>((resolve) => {
      render.settle = resolve;
    });
    pending.set(key, rendered);
    void rendered.then((result) => {
      pending.delete(key);
      if (result) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, result);
      } else entries.delete(key);
    });
    // Answered before it reached `record` (refused, or a file): nothing to keep.
    res.on("close", () => {
      if (!render.recording) render.settle(null);
    });
    renders.set(res, render);
    res.setHeader("X-Response-Cache", "miss");
    next();
  };

  const record = (req: Request, res: Response, next: NextFunction) => {
    const render = renders.get(res);
    if (render) {
      render.recording = true;
      void capture(req, res).then(render.settle);
    }
    next();
  };

  return { serve, record };
}
