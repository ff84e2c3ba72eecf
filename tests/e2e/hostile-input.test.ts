import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { db } from "~db/index.server";
import { fastRoutes } from "~/fast-routes.server";
import { makeOrganizer } from "../factories";
import { baseUrl } from "../support/browser";
import { KINDS, type Kind, type RawRequest, type Target } from "../support/hostile-kinds";
import { sessionCookieFor } from "../support/route-result";
import { useServerDatabase } from "../support/server-database";

/*
 * The hostile-input catalogue (issue 10), generated from the server build's route manifest and
 * the Express fast routes: every kind of bad input in tests/support/hostile-kinds.ts is sent to
 * every route it applies to. No answer may be a 5xx; a refusal writes nothing; the API and the
 * webhooks answer in DESIGN.md's JSON error shape; the process keeps serving.
 */
useServerDatabase();

type ManifestRoute = {
  id: string;
  path?: string;
  parentId?: string;
  module: { action?: unknown; loader?: unknown };
};
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as {
  routes: Record<string, ManifestRoute>;
};

function targets(): Target[] {
  const routes = Object.values(build.routes);
  const byId = new Map(routes.map((r) => [r.id, r]));
  const full = (r: ManifestRoute): string => {
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    return [parent && parent.id !== "root" ? full(parent) : "", r.path ?? ""].filter(Boolean).join("/");
  };
  const out = new Map<string, Target>();
  const add = (template: string, post: boolean, source: Target["source"]) => {
    const params = [...template.matchAll(/:([A-Za-z]+)|\*/g)].map((m) => m[1] ?? "*");
    const area = template.startsWith("/api/")
      ? "api"
      : template.startsWith("/webhooks/")
        ? "webhook"
        : "page";
    const known = out.get(template);
    out.set(template, {
      template,
      params,
      post: post || !!known?.post,
      area,
      source: known?.source ?? source,
    });
  };
  for (const r of routes)
    if (r.module.loader || r.module.action)
      add(`/${full(r)}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1"), !!r.module.action, "remix");
  for (const r of fastRoutes) add(r.path, r.method === "post", "express");
  return [...out.values()];
}

type Answer = { status: number; type: string; body: string };

function send(req: RawRequest, cookie?: string): Promise<Answer> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Host: url.host,
      Connection: "close",
      ...(cookie ? { Cookie: cookie } : {}),
      ...req.headers,
    };
    if (req.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(req.body));
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        setHost: false,
        insecureHTTPParser: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    r.on("error", (e: NodeJS.ErrnoException) =>
      e.code === "ECONNRESET" || e.code === "EPIPE"
        ? resolve({ status: 0, type: "", body: "connection closed" })
        : reject(e),
    );
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

// The tables a request writes in its own transaction. (The outbox, deliveries and email events are
// written by the worker in the background, so other tests' jobs would move them at any time.)
const COUNTED = [
  "supporters",
  "signatures",
  "consents",
  "letters",
  "letter_submissions",
  "donations",
  "donation_gifts",
  "tips",
  "tip_attachments",
  "tip_notes",
  "organizers",
  "organizer_tokens",
  "campaigns",
  "cases",
  "case_media",
  "mailings",
  "suppressions",
  "stripe_events",
  "audit_log",
  "campaign_opt_outs",
];
// Reading an export as an organizer is audited by design: a GET may add to audit_log, nothing else.
const WRITTEN_BY_GET = new Set(["audit_log"]);
const changedTables = (a: Record<string, number>, b: Record<string, number>, ignore = new Set<string>()) =>
  COUNTED.filter((t) => !ignore.has(t) && a[t] !== b[t]);

async function rowCounts(): Promise<Record<string, number>> {
  const select = COUNTED.map((t) => `(select count(*) from ${t})::int as ${t}`).join(", ");
  const { rows } = await sql.raw<Record<string, number>>(`select ${select}`).execute(db());
  return rows[0];
}

type Failure = { kind: string; request: string; status: number; why: string };
const tally = { requests: 0, fiveHundreds: 0 };

function judge(kind: Kind, t: Target, req: RawRequest, res: Answer, failures: Failure[]) {
  tally.requests++;
  const fail = (why: string) =>
    failures.push({
      kind: kind.name,
      request: `${req.method} ${req.path.slice(0, 120)}`,
      status: res.status,
      why,
    });
  if (res.status >= 500) {
    tally.fiveHundreds++;
    return fail(`5xx: ${res.body.slice(0, 200)}`);
  }
  if (res.status === 0) return fail("the connection was closed without an answer");
  if (/\n\s+at .+:\d+:\d+/.test(res.body)) fail("a stack trace in the answer");
  if (
    res.status >= 400 &&
    res.status !== 413 &&
    (t.area !== "page" || req.path.startsWith("/api/")) &&
    req.method !== "HEAD"
  ) {
    let shape: unknown;
    try {
      shape = JSON.parse(res.body);
    } catch {
      return fail(`not JSON: ${res.type} ${res.body.slice(0, 80)}`);
    }
    const error = (shape as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== "string" || typeof error?.message !== "string")
      fail(`not the error envelope: ${res.body.slice(0, 120)}`);
  }
  if (res.status >= 400 && req.method !== "HEAD" && !res.body.trim()) fail("an empty error answer");
}

async function run(kinds: Kind[], list: Target[], cookie?: string) {
  const failures: Failure[] = [];
  const gets: Array<[Kind, Target, RawRequest]> = [];
  const posts: Array<[Kind, Target, RawRequest]> = [];
  for (const kind of kinds)
    for (const t of list)
      for (const req of kind.make(t))
        (req.method === "GET" || req.method === "HEAD" ? gets : posts).push([kind, t, req]);
  const before = await rowCounts();
  for (let i = 0; i < gets.length; i += 8) {
    await Promise.all(
      gets
        .slice(i, i + 8)
        .map(async ([kind, t, req]) => judge(kind, t, req, await send(req, cookie), failures)),
    );
  }
  let counts = await rowCounts();
  expect(changedTables(before, counts, WRITTEN_BY_GET), "GET requests wrote rows to these tables").toEqual(
    [],
  );
  // Writing requests go four at a time. When the tables changed after a group, each refused
  // request in it is sent again on its own, so a refusal that writes is still found and named.
  for (let i = 0; i < posts.length; i += 4) {
    const group = posts.slice(i, i + 4);
    const answers = await Promise.all(group.map(([, , req]) => send(req, cookie)));
    for (const [j, [kind, t, req]] of group.entries()) judge(kind, t, req, answers[j], failures);
    const now = await rowCounts();
    const wrote = changedTables(counts, now).length > 0;
    counts = now;
    if (!wrote) continue;
    for (const [j, [kind, , req]] of group.entries()) {
      if (answers[j].status < 400) continue;
      const again = await send(req, cookie);
      const after = await rowCounts();
      const changed = changedTables(counts, after);
      counts = after;
      if (again.status >= 400 && changed.length)
        failures.push({
          kind: kind.name,
          request: `${req.method} ${req.path}`,
          status: again.status,
          why: `refused but wrote to ${changed.join(", ")}`,
        });
    }
  }
  const health = await fetch(`${baseUrl()}/healthz`);
  expect(await health.json(), "the process stopped serving").toEqual({ status: "ok" });
  return failures;
}

const all = targets();
const groups = [...new Set(KINDS.map((k) => k.group))];

describe("the hostile-input catalogue", () => {
  it("is generated from the route manifest and the fast routes, with at least 80 kinds", () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(80);
    expect(all.length).toBeGreaterThanOrEqual(fastRoutes.length + 50);
    for (const r of fastRoutes) expect(all.map((t) => t.template)).toContain(r.path);
    expect(all.map((t) => t.template)).toEqual(
      expect.arrayContaining([
        "/campaigns/:slug/sign",
        "/admin/login",
        "/api/v1/petitions/:slug/signatures",
        "/webhooks/stripe",
      ]),
    );
  });

  it.each(groups)(
    "no %s input gets a 5xx, and refusals write nothing",
    async (group) => {
      const kinds = KINDS.filter((k) => k.group === group);
      const failures = await run(kinds, all);
      expect(failures, JSON.stringify(failures.slice(0, 25), null, 1)).toEqual([]);
    },
    300_000,
  );

  it("signed in as an owner, no form, JSON or multipart input to /admin gets a 5xx", async () => {
    const owner = await makeOrganizer("owner");
    const cookie = await sessionCookieFor(owner.id);
    const kinds = KINDS.filter((k) => ["form", "multipart", "path", "method"].includes(k.group));
    const failures = await run(
      kinds,
      all.filter((t) => t.template.startsWith("/admin") && !/logout/.test(t.template)),
      cookie,
    );
    expect(failures, JSON.stringify(failures.slice(0, 25), null, 1)).toEqual([]);
  }, 300_000);

  it("stores an HTML comment as text, and never sends it back unescaped", async () => {
    const slug = "release-the-files";
    const email = `hostile-${Date.now()}@example.org`;
    const comment = `<script>alert("catalogue")</script><img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")`;
    const form = new URLSearchParams({
      firstName: "Ruth",
      lastName: "O'Hara",
      email,
      zip: "05401",
      comment,
      showName: "on",
    });
    const signed = await fetch(`${baseUrl()}/campaigns/${slug}/sign`, {
      method: "POST",
      body: form,
      headers: { Origin: baseUrl() },
      redirect: "manual",
    });
    expect([302, 303]).toContain(signed.status);
    let token: string | undefined;
    for (let i = 0; i < 60 && !token; i++) {
      const { rows } = await sql<{
        text: string;
      }>`select text from emails where to_address = ${email} and kind = 'signature-confirmation'`.execute(
        db(),
      );
      token = rows[0]?.text.match(/\/confirm\/([A-Za-z0-9_.-]+)/)?.[1];
      if (!token) await new Promise((r) => setTimeout(r, 250));
    }
    expect(token, "no confirmation email").toBeDefined();
    const confirmed = await fetch(`${baseUrl()}/confirm/${token}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "confirm" }),
      headers: { Origin: baseUrl() },
    });
    expect(confirmed.status).toBe(200);
    let html = "";
    for (
      let i = 0;
      i < 60 && !html.includes("alert(&quot;catalogue&quot;)") && !html.includes("&lt;script&gt;alert(");
      i++
    ) {
      html = await (
        await fetch(`${baseUrl()}/campaigns/${slug}`, { headers: { Cookie: "nocache=1" } })
      ).text();
      if (!html.includes("&lt;script&gt;")) await new Promise((r) => setTimeout(r, 250));
    }
    expect(html).toContain("&lt;script&gt;alert(");
    for (const path of [`/campaigns/${slug}`, `/campaigns/${slug}/sign`, `/embed/petitions/${slug}`]) {
      const page = await (await fetch(`${baseUrl()}${path}`, { headers: { Cookie: "nocache=1" } })).text();
      expect(page, path).not.toContain('<script>alert("catalogue")');
      expect(page, path).not.toContain("<img src=x onerror");
    }
  });

  afterAll(() => {
    console.info(
      `hostile-input catalogue: ${KINDS.length} kinds, ${all.length} routes, ${tally.requests} requests, ${tally.fiveHundreds} answered 5xx`,
    );
  });
});
