import type { FieldErrors } from "./validation";

/** DESIGN.md's error shape, written in this one place: {"error": {"code", "message", "fields"?}}. */
/** Paths that answer errors in the JSON envelope rather than as a page: the API and the webhooks. */
export function wantsJson(pathname: string): boolean {
  return /^\/(api|webhooks)(\/|$)/.test(pathname);
}

export function errorEnvelope(code: string, message: string, fields?: FieldErrors) {
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

/** The API's error answer for Remix routes (Express handlers use sendError in express-http.server.ts). */
export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: FieldErrors,
  headers?: Record<string, string>,
) {
  return Response.json(errorEnvelope(code, message, fields), {
    status,
    headers: { "Cache-Control": "no-store", ...headers },
  });
}

/** 405 in the API's shape, for an API route that only answers some methods. */
export function methodNotAllowed(allow: string) {
  return apiError(405, "method_not_allowed", `Use ${allow.split(",").join(" or ")}.`, undefined, {
    Allow: allow,
  });
}
