import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors } from "./validation";

/** DESIGN.md's error shape: {"error": {"code", "message", "fields"?}} with a 4xx status. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function apiValidationError(error: z.ZodError) {
  return apiError(400, "invalid_request", "Some fields are missing or invalid.", fieldErrors(error));
}

/** Reads a JSON body, refusing other content types with 415 and bad JSON with 400. */
export async function readJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: apiError(415, "unsupported_media_type", "Send the request body as JSON with Content-Type: application/json.") };
  }
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The request body is not valid JSON.") };
  }
}

export { data };
