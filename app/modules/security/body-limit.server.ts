import type { NextFunction, Request, Response } from "express";
import { sendError } from "~/lib/express-http.server";

/**
 * Answers 413 before any parsing when the declared body is too large, and cuts off a body
 * that streams past the limit without declaring its length.
 */
export function bodyLimit(defaultLimit: number, largerLimits: Array<{ path: RegExp; bytes: number }> = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = largerLimits.find((l) => l.path.test(req.path))?.bytes ?? defaultLimit;
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > limit) return tooLarge(req, res, limit);
    if (req.headers["content-length"] === undefined) {
      let seen = 0;
      req.on("data", (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > limit && !res.headersSent) {
          tooLarge(req, res, limit);
          req.destroy();
        }
      });
    }
    next();
  };
}

function tooLarge(req: Request, res: Response, limit: number) {
  res.setHeader("Connection", "close");
  sendError(req, res, 413, "payload_too_large", `The request is too large (limit ${Math.round(limit / 1000)} kB).`);
}
