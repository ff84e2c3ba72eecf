import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

/** Calls a route's loader or action as Remix would, and returns its Response (thrown or returned). */
export async function callRoute(
  fn: (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
  context: Partial<AppLoadContext> = {},
): Promise<Response | unknown> {
  try {
    return await fn({ request, params, context: { nonce: "", clientIp: "203.0.113.9", ...context } as AppLoadContext });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

export function post(url: string, body: FormData, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { method: "POST", body, headers });
}
