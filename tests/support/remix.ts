import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

/** A loader's or action's result as a Response: thrown or returned Responses, `data()` and plain objects. */
function asResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init: ResponseInit | null };
    return Response.json(data, init ?? undefined);
  }
  return Response.json(result ?? null);
}

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/** Calls a route's loader or action as Remix would; returns what it returned or threw (a Response). */
export async function callRouteRaw(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
  context: Partial<AppLoadContext> = {},
): Promise<unknown> {
  try {
    return await fn({
      request,
      params,
      context: { nonce: "", clientIp: "203.0.113.9", ...context } as AppLoadContext,
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Calls a route's loader or action as Remix would, and returns its result as a Response. */
export async function callRoute(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
  context: Partial<AppLoadContext> = {},
): Promise<Response> {
  return asResponse(await callRouteRaw(fn, request, params, context));
}

export function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values))
    for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

export function post(url: string, body: FormData, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { method: "POST", body, headers });
}

/** The cookies a response sets, as a Cookie header for the next request (cleared ones left out). */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
}
