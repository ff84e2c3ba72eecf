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
