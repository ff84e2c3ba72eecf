import { db } from "~db/index.server";
import { loader as keysLoader } from "~/routes/admin.api-keys";
import { makePetition } from "../support/petitions";
import { callRouteRaw, form, post } from "../support/remix";
import { unwrap } from "../support/route-result";
import { BASE, createKey, get, keys, postJson, useOsdiKeys } from "../support/osdi";
import { action as keysAction } from "~/routes/admin.api-keys";

/*
 * The OSDI conformance walk: an owner creates keys in admin, a tool walks the entry point's
 * links, pages through 60 petitions, filters people, and the auth rules hold.
 * Writing (record_signature_helper), privacy and the action collections: osdi-resources.test.ts.
 */
useOsdiKeys();

describe("API keys in admin", () => {
  it("shows a key once, stores only its hash, lists it with scope and last use, and revokes it", async () => {
    const token = await createKey("curl", "read");
    expect(token).toMatch(/^bth_[A-Za-z0-9_-]{43}$/);
    const stored = await db()
      .selectFrom("apiKeys")
      .selectAll()
      .where("name", "=", "curl")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = await unwrap(
      await callRouteRaw(
        keysLoader,
        new Request("http://localhost/admin/api-keys", { headers: { cookie: keys.ownerCookie } }),
      ),
    );
    expect(JSON.stringify(listed.data)).not.toContain(token);
    const row = listed.data.keys.find((k: { name: string }) => k.name === "curl");
    expect(row).toMatchObject({
      scope: "read",
      lastUsedAt: null,
      revokedAt: null,
      tokenHint: token.slice(0, 10),
    });

    expect((await get(`${BASE}/`, token)).status).toBe(200);
    const used = await db()
      .selectFrom("apiKeys")
      .select("lastUsedAt")
      .where("id", "=", stored.id)
      .executeTakeFirstOrThrow();
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    const revoke = await unwrap(
      await callRouteRaw(
        keysAction,
        post("/admin/api-keys", form({ intent: "revoke", keyId: String(stored.id) }), {
          cookie: keys.ownerCookie,
        }),
      ),
    );
    expect(revoke.data.done).toMatch(/Revoked/);
    const after = await get(`${BASE}/people`, token);
    expect(after.status).toBe(401);
    expect(after.body["osdi:error"]).toMatchObject({ response_code: 401 });
  });

  it("refuses a nameless key with a message, writing nothing", async () => {
    const before = await db()
      .selectFrom("apiKeys")
      .select(db().fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await unwrap(
      await callRouteRaw(
        keysAction,
        post("/admin/api-keys", form({ intent: "create", name: " ", scope: "admin" }), {
          cookie: keys.ownerCookie,
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.data.fields).sort()).toEqual(["name", "scope"]);
    const after = await db()
      .selectFrom("apiKeys")
      .select(db().fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe("authentication", () => {
  it("answers 401 without a key or with a wrong one, on every address, and takes the key as a query parameter", async () => {
    for (const path of [`${BASE}/`, `${BASE}/people`, `${BASE}/petitions`, `${BASE}/people/1`])
      for (const key of [null, "bth_not-a-key"]) {
        const res = await get(path, key);
        expect(res.status, `${path} ${key}`).toBe(401);
        expect(JSON.stringify(res.body)).not.toMatch(/@example/);
      }
    expect((await get(`${BASE}/people?osdi-api-token=${encodeURIComponent(keys.read)}`, null)).status).toBe(
      200,
    );
  });

  it("answers 403 for a POST with a read key, and 405 for a POST where none is taken", async () => {
    const p = await makePetition();
    const helper = `${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`;
    const res = await postJson(helper, { person: {} }, keys.read);
    expect(res.status).toBe(403);
    expect(res.body["osdi:error"].description).toMatch(/read-only/);
    expect((await postJson(`${BASE}/people`, {})).status).toBe(405);
  });
});

describe("the entry point and pagination", () => {
  it("walks the entry point's links and pages through 60 petitions at 25 a page", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    for (let i = 0; i < 60; i++) await makePetition();
    const entry = await get(`${BASE}/`);
    expect(entry.status).toBe(200);
    expect(entry.type).toMatch(/^application\/hal\+json/);
    expect(entry.body).toMatchObject({
      osdi_version: "1.2",
      max_pagesize: 100,
      vendor_name: expect.any(String),
      product_name: expect.any(String),
    });
    expect(entry.body._links.curies[0]).toMatchObject({ name: "osdi", templated: true });
    for (const c of ["people", "petitions", "signatures", "donations", "advocacy_campaigns", "outreaches"]) {
      const res = await get(entry.body._links[`osdi:${c}`].href);
      expect(res.status, c).toBe(200);
      expect(res.body._embedded[`osdi:${c}`], c).toBeInstanceOf(Array);
    }

    const filter = encodeURIComponent(`created_date ge '${since}'`);
    let link: string | undefined = `${entry.body._links["osdi:petitions"].href}?filter=${filter}`;
    const seen: string[] = [];
    const pages: number[] = [];
    let last: Awaited<ReturnType<typeof get>> | undefined;
    while (link) {
      const res = await get(link);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total_records: 60, total_pages: 3, per_page: 25 });
      pages.push(res.body.page);
      const items = res.body._embedded["osdi:petitions"];
      expect(items.length).toBe(res.body.page < 3 ? 25 : 10);
      for (const p of items) {
        expect(p.identifiers[0]).toMatch(/^bringthemhome:\d+$/);
        expect(p.created_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(p.modified_date).toMatch(/Z$/);
        seen.push(p.identifiers[0]);
      }
      if (res.body.page === 1) expect(res.body._links.previous).toBeUndefined();
      else
        expect(new URL(res.body._links.previous.href).searchParams.get("page")).toBe(
          String(res.body.page - 1),
        );
      expect(new URL(res.body._links.self.href).searchParams.get("filter")).toBe(decodeURIComponent(filter));
      last = res;
      link = res.body._links.next?.href;
    }
    expect(pages).toEqual([1, 2, 3]);
    expect(new Set(seen).size).toBe(60);
    expect(last?.body._links.next).toBeUndefined();

    const one = await get(last?.body._embedded["osdi:petitions"][0]._links.self.href);
    expect(one.status).toBe(200);
    expect(one.body.identifiers).toEqual([last?.body._embedded["osdi:petitions"][0].identifiers[0]]);
    expect(one.body._links["osdi:record_signature_helper"].href).toMatch(
      /\/signatures\/record_signature_helper$/,
    );

    const clamped = await get(`${BASE}/petitions?per_page=1000&filter=${filter}`);
    expect(clamped.body).toMatchObject({ per_page: 100, total_pages: 1, total_records: 60 });
    expect(clamped.body._embedded["osdi:petitions"]).toHaveLength(60);
  });
});

describe("filters", () => {
  it("filters people by email_address, postal_code and modified_date", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const tag = Date.now().toString(36);
    const email = `Filter.Me-${tag}@Example.org`;
    const signed = await postJson(`${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`, {
      person: {
        given_name: "Ada",
        family_name: "Byron",
        email_addresses: [{ address: email }],
        postal_addresses: [{ postal_code: "05401" }],
      },
    });
    expect(signed.status).toBe(201);
    const byEmail = await get(
      `${BASE}/people?filter=${encodeURIComponent(`email_address eq '${email.toLowerCase()}'`)}`,
    );
    expect(byEmail.body.total_records).toBe(1);
    const person = byEmail.body._embedded["osdi:people"][0];
    expect(person).toMatchObject({
      given_name: "Ada",
      family_name: "Byron",
      postal_addresses: [{ postal_code: "05401", region: "VT", country: "US" }],
    });
    expect(person.email_addresses[0]).toMatchObject({ address: email, primary: true });
    const self = await get(person._links.self.href);
    expect(self.body.identifiers).toEqual(person.identifiers);

    const later = new Date(new Date(person.modified_date).getTime() + 1).toISOString();
    const both = (op: string, date: string) =>
      get(
        `${BASE}/people?filter=${encodeURIComponent(`email_address eq '${email}' and modified_date ${op} '${date}'`)}`,
      );
    expect((await both("ge", person.modified_date)).body.total_records).toBe(1);
    expect((await both("gt", later)).body.total_records).toBe(0);
    expect((await both("lt", later)).body.total_records).toBe(1);
    const zip = await get(
      `${BASE}/people?per_page=100&filter=${encodeURIComponent("postal_code eq '05401' or postal_code eq '99999'")}`,
    );
    expect(
      zip.body._embedded["osdi:people"].every(
        (x: { postal_addresses: Array<{ postal_code: string }> }) =>
          x.postal_addresses[0].postal_code === "05401",
      ),
    ).toBe(true);
    expect(zip.body.total_records).toBeGreaterThanOrEqual(1);
    const since = await get(
      `${BASE}/signatures?filter=${encodeURIComponent(`modified_date ge '${person.modified_date}'`)}`,
    );
    expect(since.body.total_records).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["an unknown field", "favourite_color eq 'blue'", /Unknown field "favourite_color"/],
    ["a function", "startswith(email_address, 'a')", /Functions/],
    ["bad syntax", "email_address eq 'a' and", /Expected a field name/],
    ["an unquoted string", "email_address eq a", /Quote the value/],
    ["a bad date", "modified_date gt '2026-02-30T99:00'", /ISO 8601/],
    ["SQL", "email_address eq ''' or 1=1 --'", null],
  ])("answers 400 with a message for %s, never a 500", async (_label, filter, message) => {
    const res = await get(`${BASE}/people?filter=${encodeURIComponent(filter)}`);
    if (message === null) {
      // A quote inside a quoted value is data: it matches nobody.
      expect(res.status).toBe(200);
      expect(res.body.total_records).toBe(0);
      return;
    }
    expect(res.status).toBe(400);
    expect(res.body["osdi:error"]).toMatchObject({ response_code: 400, reason: "invalid_filter" });
    expect(res.body["osdi:error"].description).toMatch(message);
  });

  it("filters only on the fields a collection names", async () => {
    const res = await get(
      `${BASE}/petitions?filter=${encodeURIComponent("email_address eq 'a@example.org'")}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/filters on created_date, modified_date/);
  });
});
