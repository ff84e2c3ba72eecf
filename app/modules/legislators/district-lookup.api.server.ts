import type { Request, Response } from "express";
import { sendError } from "~/lib/express-http.server";
import { queryInput } from "~/lib/input.server";
import { sendDatabaseUnavailable } from "~/lib/database-unavailable.server";
import { log } from "~/lib/log.server";
import { lookupDistrictsJson, validateZipParam } from "./district-lookup.server";

/**
 * GET /api/v1/districts?zip=NNNNN, served by Express before Remix (a hot path: the answer is
 * cached JSON text). Errors use DESIGN.md's shape.
 */
export async function districtsHandler(req: Request, res: Response) {
  const query = queryInput(req.originalUrl.split("?")[1] ?? "");
  if (!query.ok) return sendError(req, res, query.status, query.code, query.message, query.fields);
  const raw =
    typeof query.values.zip === "string"
      ? query.values.zip
      : Array.isArray(query.values.zip)
        ? ""
        : undefined;
  const zip = validateZipParam(raw);
  if (!zip.ok) return sendError(req, res, 400, "invalid_zip", zip.message, { zip: zip.message });
  try {
    const { status, json } = await lookupDistrictsJson(zip.zip);
    res.status(status).setHeader("Cache-Control", status === 200 ? "public, max-age=300" : "no-store");
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(json);
  } catch (error) {
    if (sendDatabaseUnavailable(req, res, error)) return;
    log.error("district lookup failed", { error: error instanceof Error ? error.stack : String(error) });
    sendError(req, res, 503, "unavailable", "The district lookup is unavailable; please try again.");
  }
}
