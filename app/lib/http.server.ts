/** Not-found and forbidden are thrown as Responses and reach the error boundary. */
export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have permission to do that."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A row id written in a URL (path or query): digits only, 1 to 2^53 - 1; otherwise null. */
export function parseId(raw: string | null | undefined): number | null {
  if (!raw || !/^[1-9][0-9]{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The one way a route reads an id parameter: the id, or a 404 with the given message. */
export function idParam(raw: string | undefined, message: string): number {
  return parseId(raw) ?? notFound(message);
}
