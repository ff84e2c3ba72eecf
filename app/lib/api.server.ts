import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "./validation";

/** DESIGN.md's error shape, written in this one place: {"error": {"code", "message", "fields"?}}. */
export function errorEnvelope(code: string, message: string, fields?: FieldErrors) {
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

/** The API's error answer for Remix routes (Express handlers use sendError in express-http.server.ts). */
export function apiError(status: number, code: string, message: string, fields?: FieldErrors, headers?: Record<string, string>) {
  return Response.json(errorEnvelope(code, message, fields), { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function apiValidationError(error: z.ZodError) {
  return apiError(400, "invalid_request", "Some fields are missing or invalid.", fieldErrors(error));
}

/** 405 in the API's shape, for an API route that only answers some methods. */
export function methodNotAllowed(allow: string) {
  return apiError(405, "method_not_allowed", `Use ${allow.split(",").join(" or ")}.`, undefined, { Allow: allow });
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
