import { appUrl } from "~/env.server";
import { action as keysAction } from "~/routes/admin.api-keys";
import { action as osdiAction, loader as osdiLoader } from "~/routes/api.osdi.v1.$";
import { makeOrganizer } from "../factories";
import { zipDistricts } from "./petitions";
import { callRoute, callRouteRaw, form, post } from "./remix";
import { sessionCookieFor, unwrap } from "./route-result";

/* A tool calling the OSDI API as Remix calls the route, with keys an owner made in admin. */
export const BASE = "/api/osdi/v1";
/** The keys an owner made in admin for the tests (filled in before the tests run). */
export const keys = { read: "", write: "", ownerCookie: "" };

function params(path: string) {
  const rest = path.replace(/^\/api\/osdi\/v1\/?/, "").split("?")[0];
  return { "*": rest };
}
/** Follows an absolute link or a path, as a tool would (the origin is the app's). */
function target(link: string) {
  return link.startsWith("http") ? link.slice(appUrl().length) : link;
}
export async function get(
  link: string,
  key: string | null = keys.read,
  headers: Record<string, string> = {},
) {
  const path = target(link);
  const res = await callRoute(
    osdiLoader,
    new Request(`http://localhost${path}`, {
      headers: { ...(key ? { "OSDI-API-Token": key } : {}), ...headers },
    }),
    params(path),
  );
  return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
}
export async function postJson(link: string, body: unknown, key: string | null = keys.write) {
  const path = target(link);
  const res = await callRoute(
    osdiAction,
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { "OSDI-API-Token": key } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    params(path),
  );
  return { status: res.status, body: await res.json() };
}
export async function createKey(name: string, scope: "read" | "read-write") {
  const res = await unwrap(
    await callRouteRaw(
      keysAction,
      post("/admin/api-keys", form({ intent: "create", name, scope }), { cookie: keys.ownerCookie }),
    ),
  );
  expect(res.status).toBe(200);
  return res.data.token as string;
}

/** Makes an owner and two keys (read, read-write) before the file's tests. */
export function useOsdiKeys() {
  beforeAll(async () => {
    await zipDistricts([{ zip: "05401", state: "VT", district: 0 }]);
    keys.ownerCookie = await sessionCookieFor((await makeOrganizer("owner")).id);
    keys.read = await createKey("Action Network sync", "read");
    keys.write = await createKey("CiviCRM", "read-write");
  });
}
