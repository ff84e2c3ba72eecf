import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** The first message for each field of a failed Zod parse, keyed by dotted path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** FormData to a plain object; repeated keys become arrays; checkboxes arrive as "on". */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key in out) {
      const existing = out[key];
      out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else out[key] = value;
  }
  return out;
}

/** PostgreSQL refuses 0x00 in text, so no string field may hold one: the one rule, for every input. */
export const NUL_MESSAGE = "This field contains a character that is not allowed (a NUL byte).";

/** The fields (dotted paths) of a parsed input whose strings, keys included, hold a NUL byte. */
export function nulFields(value: unknown, path = "", out: FieldErrors = {}, depth = 0): FieldErrors {
  if (depth > 64) return out;
  if (typeof value === "string") {
    if (value.includes("\u0000")) out[path || "_form"] = NUL_MESSAGE;
  } else if (Array.isArray(value)) {
    for (const v of value) nulFields(v, path, out, depth + 1);
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) out[at.replace(/\u0000/g, "\\0")] = NUL_MESSAGE;
      else nulFields(v, at, out, depth + 1);
    }
  }
  return out;
}
