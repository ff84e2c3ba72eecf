import { createSessionCookie } from "~/modules/organizers/session.server";

/** A loader/action outcome (data(), a plain object, or a Response) as status + body + headers. */
export async function unwrap(
  result: unknown,
): Promise<{ status: number; data: any; location: string | null; headers: Headers }> {
  if (result instanceof Response) {
    const type = result.headers.get("content-type") ?? "";
    const body = type.includes("json")
      ? await result.json()
      : type.startsWith("text/")
        ? await result.text()
        : null;
    return {
      status: result.status,
      data: body,
      location: result.headers.get("location"),
      headers: result.headers,
    };
  }
  const r = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (r && r.type === "DataWithResponseInit")
    return {
      status: r.init?.status ?? 200,
      data: r.data,
      location: null,
      headers: new Headers(r.init?.headers),
    };
  return { status: 200, data: result, location: null, headers: new Headers() };
}

/** The Cookie header of a fresh session for an organizer. */
export async function sessionCookieFor(organizerId: number): Promise<string> {
  return (await createSessionCookie(organizerId, "vitest")).split(";")[0];
}
