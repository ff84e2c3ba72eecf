import { data } from "@remix-run/node";
import { z } from "zod";
import { fieldErrors, formToObject, nulFields, type FieldErrors } from "./validation";

/*
 * The one way a request becomes input: a form (urlencoded or multipart), a JSON body or a
 * query string, each checked for its content type, read without throwing, and refused when a
 * string holds a NUL byte. Failures carry a status, a code for the API's error envelope and a
 * readable message.
 */
export type InputRefusal = {
  ok: false;
  status: 400 | 415;
  code: string;
  message: string;
  fields?: FieldErrors;
};
export type Input = { ok: true; values: Record<string, unknown> } | InputRefusal;

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

const refuse = (status: 400 | 415, code: string, message: string, fields?: FieldErrors): InputRefusal => ({
  ok: false,
  status,
  code,
  message,
  fields,
});

function checked(values: Record<string, unknown>): Input {
  const fields = nulFields(values);
  if (Object.keys(fields).length)
    return refuse(400, "invalid_request", "Some fields hold a character that is not allowed.", fields);
  return { ok: true, values };
}

/** Fields of a form whose uploaded file names hold a NUL byte. */
function nulFileNames(form: FormData): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, value] of form)
    if (typeof value !== "string" && value.name.includes("\u0000"))
      out[key] = "This file name holds a character that is not allowed (a NUL byte).";
  return out;
}

/** A form post (what every page action takes), with the FormData for modules that want it. */
export async function readFormInput(
  request: Request,
): Promise<(Input & { ok: true; form: FormData }) | InputRefusal> {
  const type = request.headers.get("content-type") ?? "";
  if (!FORM_TYPES.test(type))
    return refuse(415, "unsupported_media_type", "Send this form from its page (as a form post).");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(
      400,
      "unreadable_form",
      "The form data could not be read; it may have been cut off. Please send the form again.",
    );
  }
  const files = nulFileNames(form);
  if (Object.keys(files).length)
    return refuse(400, "invalid_request", "A file name holds a character that is not allowed.", files);
  const input = checked(formToObject(form));
  return input.ok ? { ...input, form } : input;
}

/** A JSON object body (what the JSON API takes). */
export function jsonInput(type: string | undefined, raw: string): Input {
  if (!/^application\/json\b/i.test(type ?? ""))
    return refuse(
      415,
      "unsupported_media_type",
      "Send the request body as JSON with Content-Type: application/json.",
    );
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return refuse(400, "invalid_json", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return refuse(400, "invalid_request", "Send a JSON object.");
  return checked(body as Record<string, unknown>);
}

/** A query string; repeated keys become arrays, as in forms. */
export function queryInput(search: URLSearchParams | string): Input {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const form = new FormData();
  for (const [k, v] of params) form.append(k, v);
  return checked(formToObject(form));
}

/**
 * For page actions: the form's values, or a thrown 4xx that reaches the shared error boundary
 * with a readable message (a body no form of ours sends: wrong type, cut off, NUL bytes).
 */
export async function requireForm(request: Request): Promise<FormData> {
  const input = await readFormInput(request);
  if (input.ok) return input.form;
  const detail = input.fields ? ` (${Object.keys(input.fields).join(", ")})` : "";
  throw new Response(`${input.message}${detail}`, {
    status: input.status,
    statusText: input.status === 415 ? "Unsupported Media Type" : "Bad Request",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function requireFormValues(request: Request): Promise<Record<string, unknown>> {
  return formToObject(await requireForm(request));
}

/** The one "answer 400 with field errors" step of a page action; `rest` is the page's other action data. */
export function invalid<T extends object>(fields: FieldErrors | z.ZodError, rest: T, status = 400) {
  return data({ ...rest, fields: fields instanceof z.ZodError ? fieldErrors(fields) : fields }, { status });
}
