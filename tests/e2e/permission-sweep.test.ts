import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { fastRoutes } from "~/fast-routes.server";
import { CROSS_SITE_EXEMPT } from "~/modules/security/origin.server";
import { baseUrl } from "../support/browser";
import { makeOrganizer } from "../factories";
import { manifestRoutes, type RouteEntry } from "../support/route-manifest";
import { sessionCookieFor } from "../support/route-result";
import { useServerDatabase } from "../support/server-database";

/*
 * The permission sweep. Every route comes from the server build's route manifest and from the
 * Express fast routes, so a new route is swept without anyone remembering: an /admin route with
 * no rule below fails the sweep until its rule is written down here.
 */
useServerDatabase();

const ALL: OrganizerRole[] = ["owner", "editor", "viewer"];
const EDIT: OrganizerRole[] = ["owner", "editor"]; // edit-content
const PRIVATE: OrganizerRole[] = ["owner", "editor"]; // read-private-contact (supporters' contact details)
const OWNER: OrganizerRole[] = ["owner"]; // manage-organizers, read-audit, read-outbox, read-donor-contact

/** The /admin pages a signed-out organizer must reach: signing in, and the emailed links. */
const PUBLIC_ADMIN = new Set([
  "routes/admin_.login",
  "routes/admin_.logout",
  "routes/admin_.forgot",
  "routes/admin_.reset.$token",
  "routes/admin_.invitation.$token",
]);

/** Who may use each organizer endpoint: the loader (reading) and the action (writing). From app/modules/organizers/organizers.ts and each route's guard. */
const RULES: Record<string, { loader?: OrganizerRole[]; action?: OrganizerRole[] }> = {
  "routes/admin": { loader: ALL },
  "routes/admin._index": { loader: ALL },
  "routes/admin.account": { loader: ALL, action: ALL },
  // OSDI API keys open supporters' data to other tools: owners only.
  "routes/admin.api-keys": { loader: OWNER, action: OWNER },
  "routes/admin.audit": { loader: OWNER },
  "routes/admin.campaigns._index": { loader: ALL },
  "routes/admin.campaigns.$id": { loader: ALL, action: EDIT },
  "routes/admin.campaigns.new": { loader: EDIT, action: EDIT },
  "routes/admin.campaigns.$id_.statements": { loader: ALL, action: EDIT },
  "routes/admin.campaigns.$id_.calls": { loader: ALL },
  "routes/admin.campaigns.$id_.targets": { loader: ALL, action: EDIT },
  "routes/admin.cases._index": { loader: ALL },
  "routes/admin.cases.$id": { loader: ALL, action: EDIT },
  "routes/admin.cases.new": { loader: EDIT, action: EDIT },
  // Donor emails and manage links are owner-only inside these (tests/integration/donations-checkout.test.ts).
  "routes/admin.donations": { loader: ALL, action: EDIT },
  "routes/admin.donations[.csv]": { loader: ALL },
  "routes/admin.letters._index": { loader: ALL },
  "routes/admin.congresses": { loader: ALL },
  "routes/admin.letters.$campaignId.templates": { loader: ALL, action: EDIT },
  "routes/admin.letters.$campaignId.delivery": { loader: ALL },
  // The writers' names, addresses and emails are in the messages.
  "routes/admin.letters.$campaignId.cwc[.xml]": { loader: PRIVATE },
  "routes/admin.media._index": { loader: ALL },
  "routes/admin.media.$id": { loader: ALL, action: EDIT },
  "routes/admin.media.new": { loader: EDIT, action: EDIT },
  "routes/admin.organizers": { loader: OWNER, action: OWNER },
  "routes/admin.outbox._index": { loader: OWNER },
  "routes/admin.outbox.$id": { loader: OWNER },
  "routes/admin.petitions._index": { loader: ALL, action: EDIT },
  "routes/admin.replies": { loader: ALL, action: EDIT },
  "routes/admin.petitions.$id": { loader: ALL, action: EDIT },
  "routes/admin.petitions.$id_.delivery": { loader: PRIVATE },
  "routes/admin.petitions.$id_.export": { loader: PRIVATE },
  "routes/admin.petitions.$id_.signatures": { loader: PRIVATE, action: EDIT },
  // Tipsters' contact details are removed on the server for viewers (tests/integration/tips.test.ts).
  // Gifts and erasure are owner-only inside the page (tests/integration/supporters-admin.test.ts).
  "routes/admin.supporters._index": { loader: PRIVATE, action: EDIT },
  "routes/admin.supporters.$id": { loader: PRIVATE, action: EDIT },
  "routes/admin.supporters.import": { loader: EDIT, action: EDIT },
  "routes/admin.supporters.imports.$id": { loader: EDIT },
  "routes/admin.tips._index": { loader: ALL },
  "routes/admin.tips.$id": { loader: ALL, action: EDIT },
  "routes/admin_.tips.$id.files.$fileId": { loader: ALL },
  // Content translations: every organizer reads them; editors and owners write them.
  "routes/admin.translations._index": { loader: ALL },
  "routes/admin.translations.$kind.$id.$locale": { loader: ALL, action: EDIT },
  "routes/admin.updates._index": { loader: ALL },
  "routes/admin.updates.$id": { loader: ALL, action: EDIT },
  "routes/admin.updates.new": { loader: EDIT, action: EDIT },
  // Express fast routes (keyed by method and path).
  "GET /admin/letters/packet.pdf": { loader: PRIVATE },
  "GET /admin/letters/packet.csv": { loader: PRIVATE },
};

interface Endpoint {
  key: string;
  path: string;
  isPage: boolean;
  loader: boolean;
  action: boolean;
}

const EXEMPT_TOKEN = `1.0.${"A".repeat(22)}`;
const routes = await manifestRoutes((name) => (name === "token" ? EXEMPT_TOKEN : "1"));
const postPath = (r: { path: string; index?: boolean }) => (r.index ? `${r.path}?index` : r.path);

const organizerEndpoints: Endpoint[] = [
  ...routes
    .filter((r) => r.path.startsWith("/admin") && !PUBLIC_ADMIN.has(r.id))
    .map((r: RouteEntry) => ({
      key: r.id,
      path: r.path,
      isPage: r.isPage,
      loader: r.hasLoader,
      action: r.hasAction,
      index: r.index,
    })),
  ...fastRoutes
    .filter((r) => r.path.startsWith("/admin"))
    .map((r) => ({
      key: `${r.method.toUpperCase()} ${r.path}`,
      path: r.path,
      isPage: false,
      loader: r.method === "get",
      action: r.method === "post",
    })),
];

/** Every state-changing endpoint: Remix actions and Express POST routes. */
const stateChanging = [
  ...routes.filter((r) => r.hasAction).map((r) => ({ key: r.id, path: postPath(r) })),
  ...fastRoutes
    .filter((r) => r.method === "post")
    .map((r) => ({ key: `POST ${r.path}`, path: r.path.replace(/:[A-Za-z]+/g, "1") })),
];

const cookies = {} as Record<OrganizerRole, string>;
beforeAll(async () => {
  for (const role of ALL)
    cookies[role] = await sessionCookieFor(
      (await makeOrganizer(role, { email: `sweep-${role}-${Date.now()}@example.org` })).id,
    );
});

function request(
  path: string,
  init: { method?: string; cookie?: string; origin?: string; fetchSite?: string } = {},
) {
  const headers: Record<string, string> = { Origin: init.origin ?? baseUrl() };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.fetchSite) headers["Sec-Fetch-Site"] = init.fetchSite;
  const body = init.method === "POST" ? new URLSearchParams({ intent: "permission-sweep" }) : undefined;
  return fetch(`${baseUrl()}${path}`, { method: init.method ?? "GET", headers, body, redirect: "manual" });
}

const toLogin = (res: Response) =>
  res.status === 302 && /^\/admin\/login(\?|$)/.test(res.headers.get("location") ?? "");

describe("the sweep finds every organizer endpoint", () => {
  it("in the route manifest and the Express fast routes", () => {
    expect(organizerEndpoints.length).toBeGreaterThanOrEqual(30);
    expect(organizerEndpoints.map((e) => e.key)).toEqual(
      expect.arrayContaining([
        "routes/admin.outbox.$id",
        "GET /admin/letters/packet.pdf",
        "GET /admin/letters/packet.csv",
      ]),
    );
  });
  it("and every one has a rule written down here", () => {
    const missing = organizerEndpoints.filter((e) => !RULES[e.key]).map((e) => e.key);
    expect(missing, "add a rule to RULES for each new organizer route").toEqual([]);
    const declared = organizerEndpoints.flatMap((e) => [
      ...(e.loader ? [] : RULES[e.key]?.loader ? [`${e.key} has no loader`] : []),
      ...(e.action ? [] : RULES[e.key]?.action ? [`${e.key} has no action`] : []),
      ...(e.action && !RULES[e.key]?.action ? [`${e.key}: no rule for its action`] : []),
    ]);
    expect(declared).toEqual([]);
  });
});

describe.concurrent("anonymous requests are refused", () => {
  it.each(organizerEndpoints.filter((e) => e.loader).map((e) => [e.key, e] as const))(
    "GET %s",
    async (_key, e) => {
      const res = await request(e.path);
      if (e.isPage) {
        expect(toLogin(res), `${e.path}: ${res.status}`).toBe(true);
        expect(res.headers.get("location")).toMatch(/^\/admin\/login\?redirectTo=/);
      } else
        expect(toLogin(res) || res.status === 401 || res.status === 403, `${e.path}: ${res.status}`).toBe(
          true,
        );
    },
  );
  it.each(organizerEndpoints.map((e) => [e.key, e] as const))("POST %s changes nothing", async (_key, e) => {
    const res = await request(postPath(e as { path: string; index?: boolean }), { method: "POST" });
    expect(toLogin(res) || [401, 403, 404, 405].includes(res.status), `${e.path}: ${res.status}`).toBe(true);
  });
});

describe.concurrent("each role gets what its rule allows, and 403 otherwise", () => {
  const cases = organizerEndpoints.flatMap((e) =>
    ALL.flatMap((role) => [
      ...(e.loader
        ? [
            [
              `GET ${e.key} as ${role}`,
              e,
              role,
              "GET",
              RULES[e.key]?.loader?.includes(role) ?? false,
            ] as const,
          ]
        : []),
      ...(e.action
        ? [
            [
              `POST ${e.key} as ${role}`,
              e,
              role,
              "POST",
              RULES[e.key]?.action?.includes(role) ?? false,
            ] as const,
          ]
        : []),
    ]),
  );
  it.each(cases)("%s", async (_label, e, role, method, allowed) => {
    const res = await request(method === "POST" ? postPath(e as { path: string; index?: boolean }) : e.path, {
      method,
      cookie: cookies[role],
    });
    if (allowed) {
      expect(res.status, `${method} ${e.path} as ${role}`).not.toBe(403);
      expect(toLogin(res), `${method} ${e.path} as ${role}`).toBe(false);
    } else expect(res.status, `${method} ${e.path} as ${role}`).toBe(403);
  });
});

describe.concurrent("state-changing routes refuse a cross-site browser request", () => {
  const exempt = (path: string) => CROSS_SITE_EXEMPT.some((re) => re.test(path.split("?")[0]));
  it("covers the provider webhooks and one-click unsubscribe as the only exemptions", () => {
    expect(
      stateChanging
        .filter((s) => exempt(s.path))
        .map((s) => s.key)
        .sort(),
    ).toEqual(["routes/unsubscribe.$token_.one-click", "routes/webhooks.resend", "routes/webhooks.stripe"]);
    expect(stateChanging.length).toBeGreaterThanOrEqual(25);
  });
  it.each(stateChanging.map((s) => [s.key, s] as const))("POST %s", async (_key, s) => {
    const foreign = await request(s.path, {
      method: "POST",
      cookie: cookies.owner,
      origin: "https://evil.example",
    });
    const fetchSite = await request(s.path, {
      method: "POST",
      cookie: cookies.owner,
      fetchSite: "cross-site",
    });
    const nullOrigin = await request(s.path, { method: "POST", cookie: cookies.owner, origin: "null" });
    if (exempt(s.path)) {
      for (const res of [foreign, fetchSite, nullOrigin]) expect(res.status, s.path).not.toBe(403);
    } else {
      for (const res of [foreign, fetchSite, nullOrigin]) expect(res.status, s.path).toBe(403);
    }
  });
});

describe("donor data is owner-only, in every response", () => {
  it("a donor's email and manage link reach owners only (page, single-fetch data, CSV)", async () => {
    const stamp = Date.now();
    const email = `sweep-donor-${stamp}@example.org`;
    const manageToken = `sweepmanage${stamp}`;
    await db()
      .insertInto("donations")
      .values({
        formKey: `sweep-${stamp}`,
        manageToken,
        campaignId: null,
        supporterId: null,
        frequency: "monthly",
        amountCents: 4_000,
        name: "Sweep Donor",
        email,
        status: "active",
        testMode: true,
        checkoutSessionId: null,
        checkoutUrl: null,
        subscriptionId: null,
        customerId: null,
        createdAt: new Date(),
      })
      .execute();
    for (const role of ALL) {
      for (const path of ["/admin/donations", "/admin/donations.data", "/admin/donations.csv"]) {
        const res = await request(path, { cookie: cookies[role] });
        expect(res.status, `${path} as ${role}`).toBe(200);
        const body = await res.text();
        expect(body.includes(email), `${path} as ${role}`).toBe(role === "owner");
        expect(body.includes(manageToken), `${path} as ${role}`).toBe(false);
      }
    }
  });
});
