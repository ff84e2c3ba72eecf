/** Not-found and forbidden are thrown as Responses and reach the error boundary. */
export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have permission to do that."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A positive integer route parameter, or a 404 with the given message. */
export function idParam(raw: string | undefined, message: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound(message);
  return id;
}
