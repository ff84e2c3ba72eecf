import type { Request, RequestHandler, Response } from "express";
import { env } from "~/env.server";
import { sendDatabaseUnavailable } from "~/lib/database-unavailable.server";
import { log } from "~/lib/log.server";
import { fieldErrors } from "~/lib/validation";
import { clientIp } from "~/modules/security/client-ip.server";
import { signatureSchema } from "./petitions.schema";
import { getPetitionJson } from "./petitions.server";
import { signPetition } from "./signing.server";

const MAX_SIGNATURE_BYTES = 16_384;

function error(res: Response, status: number, code: string, message: string, fields?: Record<string, string>) {
  res.status(status).set("Cache-Control", "no-store").json({ error: { code, message, ...(fields ? { fields } : {}) } });
}

function readBody(req: Request, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** POST /api/v1/petitions/:slug/signatures: the hot path (Express, one SQL round trip). */
export const signHandler: RequestHandler = async (req, res, next) => {
  try {
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
      return error(res, 415, "unsupported_media_type", "Send the request body as JSON with Content-Type: application/json.");
    }
    if (Number(req.headers["content-length"] ?? 0) > MAX_SIGNATURE_BYTES) {
      res.set("Connection", "close");
      return error(res, 413, "payload_too_large", `The request is too large (limit ${MAX_SIGNATURE_BYTES / 1024} kB).`);
    }
    const raw = await readBody(req, MAX_SIGNATURE_BYTES);
    if (raw === null) return error(res, 413, "payload_too_large", `The request is too large (limit ${MAX_SIGNATURE_BYTES / 1024} kB).`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return error(res, 400, "invalid_json", "The request body is not valid JSON.");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) return error(res, 400, "invalid_request", "Send a JSON object.");
    const parsed = signatureSchema.safeParse(body);
    if (!parsed.success) return error(res, 400, "invalid_request", "Some fields are missing or invalid.", fieldErrors(parsed.error));
    const config = env();
    const ip = clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"] as string | undefined, config.TRUST_PROXY);
    const result = await signPetition(req.params.slug, parsed.data, { ip, userAgent: req.headers["user-agent"] });
    if (result.kind === "not_found") return error(res, 404, "not_found", "No petition has that address.");
    if (result.kind === "closed") return error(res, 409, "petition_closed", result.message);
    res.status(202).set("Cache-Control", "no-store").json({ status: result.status });
  } catch (e) {
    if (sendDatabaseUnavailable(req, res, e)) return;
    log.error("signing failed", { error: e instanceof Error ? e.message : String(e) });
    if (!res.headersSent) error(res, 503, "unavailable", "We could not record your signature just now. Please try again.");
    else next(e);
  }
};

/** GET /api/v1/petitions/:slug: counts from the roll-ups (a few small rows). */
export const petitionHandler: RequestHandler = async (req, res, next) => {
  try {
    const json = await getPetitionJson(req.params.slug);
    if (!json) return error(res, 404, "not_found", "No petition has that address.");
    res.set("Cache-Control", "public, max-age=2").json(json);
  } catch (e) {
    next(e);
  }
};
