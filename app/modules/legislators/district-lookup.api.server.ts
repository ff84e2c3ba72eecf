import type { RequestHandler } from "express";
import { sendDatabaseUnavailable } from "~/lib/database-unavailable.server";
import { log } from "~/lib/log.server";
import { lookupDistrictsJson, validateZipParam } from "./district-lookup.server";

/**
 * GET /api/v1/districts?zip=NNNNN, served by Express before Remix (a hot path: the answer is
 * cached JSON text). Errors use DESIGN.md's shape.
 */
export const districtsHandler: RequestHandler = async (req, res) => {
  const raw = typeof req.query.zip === "string" ? req.query.zip : Array.isArray(req.query.zip) ? "" : undefined;
  const zip = validateZipParam(raw);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  if (!zip.ok) {
    res.status(400).setHeader("Cache-Control", "no-store");
    res.end(JSON.stringify({ error: { code: "invalid_zip", message: zip.message, fields: { zip: zip.message } } }));
    return;
  }
  try {
    const { status, json } = await lookupDistrictsJson(zip.zip);
    res.status(status).setHeader("Cache-Control", status === 200 ? "public, max-age=300" : "no-store");
    res.end(json);
  } catch (error) {
    if (sendDatabaseUnavailable(req, res, error)) return;
    log.error("district lookup failed", { error: error instanceof Error ? error.stack : String(error) });
    res.status(503).setHeader("Cache-Control", "no-store");
    res.end(JSON.stringify({ error: { code: "unavailable", message: "The district lookup is unavailable; please try again." } }));
  }
};
