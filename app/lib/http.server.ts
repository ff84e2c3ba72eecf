/** Not-found and forbidden are thrown as Responses and reach the error boundary. */
export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have permission to do that."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}
