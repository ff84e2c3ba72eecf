import type { NextFunction, Request, RequestHandler, Response } from "express";
import { errorEnvelope, wantsJson } from "./api.server";
import { sendDatabaseUnavailable } from "./database-unavailable.server";
import { jsonInput, type Input } from "./input.server";
import type { FieldErrors } from "./validation";
import { lingerOnClose } from "~/modules/security/body-limit.server";

/*
 * The small HTTP layer of the Express fast routes: one route shape, one error helper, one body
 * reader. Errors answer in DESIGN.md's JSON shape under /api and /webhooks, as plain text elsewhere.
 */
export type FastRoute = { method: "get" | "post"; path: string; handler: RequestHandler };

/** Paths whose errors are JSON (the API and the provider webhooks). */

export function sendError(
  req: Pick<Request, "path">,
  res: Response,
  status: number,
  code: string,
  message: string,
  fields?: FieldErrors,
) {
  res.status(status).setHeader("Cache-Control", "no-store");
  if (wantsJson(req.path)) res.json(errorEnvelope(code, message, fields));
  else res.type("text/plain; charset=utf-8").send(message);
}

/** A fast route: its handler's rejections reach the last error handler instead of escaping. */
export function fastRoute(
  method: FastRoute["method"],
  path: string,
  handler: (req: Request, res: Response) => Promise<unknown> | unknown,
): FastRoute {
  return { method, path, handler: (req, res, next) => Promise.resolve(handler(req, res)).catch(next) };
}

/** Reads a body up to `limit` bytes: the text, or null when it is larger. */
export function readBody(req: Request, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Keep reading and throw the rest away: the 413 goes out with a lingering close (see
        // lingerOnClose), so a client still sending reads it instead of a reset.
        req.removeAllListeners("data");
        req.on("data", () => undefined);
        resolve(null);
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A JSON object body, or the error already sent (415, 413, 400 with fields). */
export async function readJson(
  req: Request,
  res: Response,
  limit: number,
): Promise<Record<string, unknown> | null> {
  const tooLarge = () => {
    lingerOnClose(req);
    req.resume(); // what still comes is read and thrown away
    res.set("Connection", "close");
    sendError(
      req,
      res,
      413,
      "payload_too_large",
      `The request is too large (limit ${Math.round(limit / 1024)} kB).`,
    );
    return null;
  };
  const type = req.headers["content-type"];
  const early = jsonInput(type, "{}");
  if (!early.ok) return answer(req, res, early);
  if (Number(req.headers["content-length"] ?? 0) > limit) return tooLarge();
  const raw = await readBody(req, limit);
  if (raw === null) return tooLarge();
  const input = jsonInput(type, raw);
  return input.ok ? input.values : answer(req, res, input);
}

function answer(req: Request, res: Response, input: Extract<Input, { ok: false }>): null {
  sendError(req, res, input.status, input.code, input.message, input.fields);
  return null;
}

/** The last error handler: a 500 in the right shape, never a stack trace. */
export function lastErrorHandler(onError: (error: unknown) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (sendDatabaseUnavailable(req, res, error)) return;
    onError(error);
    if (!res.headersSent) sendError(req, res, 500, "internal_error", "Something went wrong on our side.");
    else res.destroy();
  };
}

/** What Node answers a request it cannot parse (raw non-ASCII bytes in the path, bad headers): a readable 400. */
export function answerClientError(
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: import("node:stream").Duplex,
) {
  if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
  const status =
    error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
  const message = "The request could not be read: its address or headers are malformed.";
  const path = /^[A-Z]+ (\S+)/.exec(error.rawPacket?.toString("latin1") ?? "")?.[1] ?? "";
  const [type, body] = wantsJson(path)
    ? ["application/json", JSON.stringify(errorEnvelope("malformed_request", message))]
    : ["text/plain; charset=utf-8", `${message}\n`];
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
