import type { Request, Response } from "express";
import { env } from "~/env.server";
import { sendDatabaseUnavailable } from "~/lib/database-unavailable.server";
import { log } from "~/lib/log.server";
import { readJson, sendError } from "~/lib/express-http.server";
import { fieldErrors } from "~/lib/validation";
import { clientIp } from "~/modules/security/client-ip.server";
import { signatureSchema } from "./petitions.schema";
import { getPetitionJson } from "./petitions.server";
import { signPetition } from "./signing.server";

const MAX_SIGNATURE_BYTES = 16_384;

/** POST /api/v1/petitions/:slug/signatures: the hot path (Express, one SQL round trip). */
export async function signHandler(req: Request, res: Response) {
  try {
    const body = await readJson(req, res, MAX_SIGNATURE_BYTES);
    if (!body) return;
    const parsed = signatureSchema.safeParse(body);
    if (!parsed.success)
      return sendError(
        req,
        res,
        400,
        "invalid_request",
        "Some fields are missing or invalid.",
        fieldErrors(parsed.error),
      );
    const config = env();
    const ip = clientIp(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"] as string | undefined,
      config.TRUST_PROXY,
    );
    const result = await signPetition(req.params.slug, parsed.data, {
      ip,
      userAgent: req.headers["user-agent"],
    });
    if (result.kind === "not_found")
      return sendError(req, res, 404, "not_found", "No petition has that address.");
    if (result.kind === "closed") return sendError(req, res, 409, "petition_closed", result.message);
    res.status(202).set("Cache-Control", "no-store").json({ status: result.status });
  } catch (e) {
    if (sendDatabaseUnavailable(req, res, e)) return;
    log.error("signing failed", { error: e instanceof Error ? e.message : String(e) });
    if (!res.headersSent)
      sendError(
        req,
        res,
        503,
        "unavailable",
        "We could not record your signature just now. Please try again.",
      );
    else throw e;
  }
}

/** GET /api/v1/petitions/:slug: counts from the roll-ups (a few small rows). */
export async function petitionHandler(req: Request, res: Response) {
  const json = await getPetitionJson(req.params.slug);
  if (!json) return sendError(req, res, 404, "not_found", "No petition has that address.");
  res.set("Cache-Control", "public, max-age=2").json(json);
}
