import type { NextFunction, Request, Response } from "express";
import { errorEnvelope, wantsJson } from "~/lib/api.server";

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

/**
 * After a refusal the rest of the body is still read and thrown away, up to these bounds, before
 * the 413 is sent and the connection closed. Closing a socket with unread data makes the kernel
 * reset it, and a client still sending then loses the answer ("connection closed without an
 * answer"); a client that keeps sending past the bounds gets the answer and the reset anyway.
 */
const DRAIN_BYTES = 8_000_000;
const DRAIN_MS = 5000;
/**
 * A client that is still sending when the 413 goes out (past the drain bounds) gets a lingering
 * close: our side of the connection is closed at once (the client reads the answer, then the
 * end), and what it still sends is read and thrown away for this long before the socket is
 * destroyed, so no reset overtakes the answer.
 */
const LINGER_MS = 2000;

/**
 * Every request with a body gets a limit before anything reads it: the default one, or a
 * rule's larger one. A declared length over the limit gets 413 at once; a body that streams
 * past it (chunked, or longer than it said) is cut off with 413 and never buffered.
 */
export function bodyLimit(defaultLimit: number, rules: BodyLimitRule[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    // Counting starts at once (the first bytes may already be arriving with the headers);
    // the limit is known once the rule has been decided.
    const counter = countBody(req, res);
    const decide = (limit: number) => {
      counter.limit = limit;
      const declared = Number(req.headers["content-length"] ?? "0");
      if (declared > limit || counter.seen > limit)
        return refuse(req, res, limit, { ended: counter.ended, toCome: declared - counter.seen });
      next();
    };
    limitFor(req, defaultLimit, rules).then(decide, () => decide(defaultLimit));
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

/**
 * Counts the body where the HTTP parser hands it over (push), so whoever reads it later, and
 * however, never gets more than the limit; the stream is not switched to flowing mode. Before
 * the limit is decided, the stream's own buffer (backpressure) bounds what is held. Once the
 * request is refused, its reader gets nothing more, not even the end: a cut-off body must never
 * look whole.
 */
function countBody(req: Request, res: Response) {
  const counter = { seen: 0, limit: Infinity, ended: false };
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    const drain = res.locals.bodyDrain as Drain | undefined;
    if (drain) return drain(chunk as Buffer | null);
    if (chunk === null) {
      counter.ended = true;
      return push(null);
    }
    counter.seen += (chunk as Buffer).length;
    if (counter.seen <= counter.limit) return push(chunk, encoding);
    refuse(req, res, counter.limit, { ended: false, toCome: Infinity });
    return true; // the parser keeps reading: what comes is thrown away
  };
  return counter;
}

type Drain = (chunk: Buffer | null) => boolean;

/** True once a request was refused for its size (its handlers' later errors are expected). */
export function refusedForSize(res: Response): boolean {
  return res.locals.bodyTooLarge === true;
}

/**
 * Marks the request refused, throws away what is still coming (within the drain bounds), then
 * answers 413 and closes. `toCome` is what the declared length says is still to arrive.
 */
function refuse(req: Request, res: Response, limit: number, body: { ended: boolean; toCome: number }) {
  res.locals.bodyTooLarge = true;
  let drained = 0;
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    answerTooLarge(req, res, limit);
  };
  const timer = setTimeout(answer, DRAIN_MS);
  timer.unref();
  res.locals.bodyDrain = ((chunk) => {
    if (chunk !== null) drained += chunk.length;
    if (chunk === null || drained > DRAIN_BYTES) answer();
    return true;
  }) satisfies Drain;
  if (body.ended || body.toCome > DRAIN_BYTES) return answer();
  req.socket?.resume(); // a reader that stopped pulling may have paused the socket
}

function answerTooLarge(req: Request, res: Response, limit: number) {
  if (res.headersSent) {
    // Someone has answered already. A 413 that lingers (the fast routes' own) must reach the
    // client, so its socket is left to the lingering close; any other answer is cut off.
    if (req.socket && !lingering.has(req.socket)) req.socket.destroy();
    return;
  }
  lingerOnClose(req);
  res.status(413).setHeader("Connection", "close");
  const message = `The request is too large (limit ${formatLimit(limit)}).`;
  if (wantsJson(req.path)) res.json(errorEnvelope("payload_too_large", message));
  else res.type("html").send(page(message));
}

/**
 * Node closes a `Connection: close` socket with destroySoon() once the answer is written, which
 * resets a connection with unread data. Instead: end our side, keep reading (the refused body's
 * chunks are thrown away by the counter), and destroy once the client has closed or LINGER_MS.
 */
export function lingerOnClose(req: Request) {
  const socket = req.socket;
  if (!socket) return;
  lingering.add(socket);
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.resume();
  };
}

/** Sockets whose answer is written and whose close lingers (see lingerOnClose). */
const lingering = new WeakSet<object>();

function formatLimit(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}

function page(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too large</title></head><body><main><h1>That was too large to send</h1><p>${message}</p><p>Please go back, make it smaller (fewer or smaller files, shorter text) and try again.</p><p><a href="/">Home</a></p></main></body></html>`;
}
