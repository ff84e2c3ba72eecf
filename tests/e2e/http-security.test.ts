import { baseUrl } from "../support/browser";

// The anonymous walk of every /admin route lives in permission-sweep.test.ts (with roles and cross-site requests).

describe("security headers and request guards", () => {
  it("sends a nonce CSP, frame refusal, nosniff and a referrer policy", async () => {
    const res = await fetch(`${baseUrl()}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await res.text();
    const nonce = /nonce-([A-Za-z0-9+/=]+)/.exec(csp)?.[1];
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/<script(?![^>]*nonce=)[^>]*>/);
  });

  it("refuses a cross-site form post with 403 and accepts a same-origin one", async () => {
    const body = new URLSearchParams({ email: "x@example.org", password: "wrong-password" });
    const foreign = await fetch(`${baseUrl()}/admin/login`, {
      method: "POST",
      body,
      headers: { Origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    const fetchSite = await fetch(`${baseUrl()}/admin/login`, {
      method: "POST",
      body,
      headers: { "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(fetchSite.status).toBe(403);
    const own = await fetch(`${baseUrl()}/admin/login`, {
      method: "POST",
      body,
      headers: { Origin: baseUrl() },
      redirect: "manual",
    });
    expect(own.status).toBe(401);
  });

  it("answers 413 to an oversized body before parsing it", async () => {
    const res = await fetch(`${baseUrl()}/cases`, {
      method: "POST",
      body: "x".repeat(2_000_000),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
    const api = await fetch(`${baseUrl()}/api/v1/campaigns`, {
      method: "POST",
      body: "x".repeat(2_000_000),
      headers: { "Content-Type": "application/json" },
    });
    expect(api.status).toBe(413);
    expect((await api.json()).error.code).toBe("payload_too_large");
  });

  it("lets shared caches keep anonymous public pages briefly, never admin or donation pages", async () => {
    for (const path of ["/", "/campaigns/dpaa-director", "/cases", "/cases/sam-logan", "/about"]) {
      expect((await fetch(`${baseUrl()}${path}`)).headers.get("cache-control"), path).toContain(
        "s-maxage=15",
      );
    }
    for (const path of ["/admin/login", "/campaigns/ask-moscow-beijing/donate", "/donate", "/tips/new"]) {
      expect((await fetch(`${baseUrl()}${path}`)).headers.get("cache-control") ?? "", path).not.toContain(
        "public",
      );
    }
    const withCookie = await fetch(`${baseUrl()}/`, { headers: { Cookie: "session=x" } });
    expect(withCookie.headers.get("cache-control")).toBeNull();
  });

  it("answers health checks", async () => {
    expect(await (await fetch(`${baseUrl()}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${baseUrl()}/readyz`)).json()).toEqual({ status: "ready" });
  });

  it("serves the campaigns API in DESIGN.md's shapes", async () => {
    const list = await (await fetch(`${baseUrl()}/api/v1/campaigns`)).json();
    expect(list.campaigns.map((c: { slug: string }) => c.slug)).toEqual(
      expect.arrayContaining(["dpaa-director", "ask-moscow-beijing", "release-the-files"]),
    );
    const one = await fetch(`${baseUrl()}/api/v1/campaigns/release-the-files`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      slug: "release-the-files",
      status: "live",
      targets: expect.any(Array),
    });
    const missing = await fetch(`${baseUrl()}/api/v1/campaigns/no-such-campaign`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: "No campaign has that slug." },
    });
  });

  it("shows a useful 404 and never a stack trace", async () => {
    const res = await fetch(`${baseUrl()}/campaigns/no-such-campaign`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("We could not find that page");
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });
});
