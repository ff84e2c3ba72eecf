import { db } from "~db/index.server";
import { sendAlreadySignedBatch, sendConfirmationBatch } from "~/modules/petitions/confirmation.server";
import { appUrl } from "~/env.server";
import { action as keysAction, loader as keysLoader } from "~/routes/admin.api-keys";
import { action as osdiAction, loader as osdiLoader } from "~/routes/api.osdi.v1.$";
import { makeOrganizer } from "../factories";
import { makePetition, zipDistricts } from "../support/petitions";
import { callRoute, callRouteRaw, form, post } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

/*
 * The OSDI conformance walk: an owner creates keys in admin, a tool walks the entry point's
 * links, pages through 60 petitions, filters people, and records a signature twice.
 */
const BASE = "/api/osdi/v1";
let readKey: string;
let writeKey: string;
let ownerCookie: string;

function params(path: string) {
  const rest = path.replace(/^\/api\/osdi\/v1\/?/, "").split("?")[0];
  return { "*": rest };
}
/** Follows an absolute link or a path, as a tool would (the origin is the app's). */
function target(link: string) {
  return link.startsWith("http") ? link.slice(appUrl().length) : link;
}
async function get(link: string, key: string | null = readKey, headers: Record<string, string> = {}) {
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
async function postJson(link: string, body: unknown, key: string | null = writeKey) {
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
async function createKey(name: string, scope: "read" | "read-write") {
  const res = await unwrap(
    await callRouteRaw(
      keysAction,
      post("/admin/api-keys", form({ intent: "create", name, scope }), { cookie: ownerCookie }),
    ),
  );
  expect(res.status).toBe(200);
  return res.data.token as string;
}

beforeAll(async () => {
  await zipDistricts([{ zip: "05401", state: "VT", district: 0 }]);
  ownerCookie = await sessionCookieFor((await makeOrganizer("owner")).id);
  readKey = await createKey("Action Network sync", "read");
  writeKey = await createKey("CiviCRM", "read-write");
});

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
        new Request("http://localhost/admin/api-keys", { headers: { cookie: ownerCookie } }),
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
          cookie: ownerCookie,
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
          cookie: ownerCookie,
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
    expect((await get(`${BASE}/people?osdi-api-token=${encodeURIComponent(readKey)}`, null)).status).toBe(
      200,
    );
  });

  it("answers 403 for a POST with a read key, and 405 for a POST where none is taken", async () => {
    const p = await makePetition();
    const helper = `${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`;
    const res = await postJson(helper, { person: {} }, readKey);
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

describe("record_signature_helper", () => {
  it("creates one pending signature through the double opt-in, and a second POST creates nothing", async () => {
    const p = await makePetition();
    const email = `helper-${Date.now().toString(36)}@example.org`;
    const body = {
      comments: "For my grandfather.",
      person: {
        given_name: "Grace",
        family_name: "Hopper",
        email_addresses: [{ address: email, primary: true, status: "subscribed" }],
        postal_addresses: [{ postal_code: "05401", country: "US" }],
      },
    };
    const helper = `${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`;
    const first = await postJson(helper, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ "bringthemhome:status": "pending", comments: "For my grandfather." });
    expect(first.body._links["osdi:petition"].href).toMatch(new RegExp(`/petitions/${p.petitionId}$`));
    await sendConfirmationBatch();
    const mails = await db().selectFrom("emails").select("kind").where("toAddress", "=", email).execute();
    expect(mails).toEqual([{ kind: "signature-confirmation" }]);

    const second = await postJson(helper, { ...body, comments: "again" });
    expect(second.status).toBe(200);
    expect(second.body.identifiers).toEqual(first.body.identifiers);
    const rows = await db()
      .selectFrom("signatures")
      .selectAll()
      .where("petitionId", "=", p.petitionId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "pending", comment: "For my grandfather.", source: "osdi" });
    await sendConfirmationBatch();
    await sendAlreadySignedBatch();
    expect(
      await db().selectFrom("emails").select("kind").where("toAddress", "=", email).execute(),
    ).toHaveLength(1);

    const nested = await get(`${BASE}/petitions/${p.petitionId}/signatures`);
    expect(nested.body.total_records).toBe(1);
    const person = await get(first.body._links["osdi:person"].href);
    expect(person.body.email_addresses[0]).toMatchObject({ address: email, status: "unsubscribed" });
  });

  it("refuses a bad person with 400 and OSDI field names, writing nothing", async () => {
    const p = await makePetition();
    const helper = `${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`;
    const res = await postJson(helper, {
      person: {
        given_name: "",
        family_name: "X",
        email_addresses: [{ address: "not-an-email" }],
        postal_addresses: [{ postal_code: "ABCDE" }],
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      "person.email_addresses.0.address",
      "person.given_name",
      "person.postal_addresses.0.postal_code",
    ]);
    expect((await postJson(helper, { signer: "me" })).status).toBe(400);
    expect((await postJson(helper, "{not json")).status).toBe(400);
    expect(
      (
        await postJson(`${BASE}/petitions/999999999/signatures/record_signature_helper`, {
          person: {
            given_name: "A",
            family_name: "B",
            email_addresses: [{ address: "a@example.org" }],
            postal_addresses: [{ postal_code: "05401" }],
          },
        })
      ).status,
    ).toBe(404);
    expect(
      await db().selectFrom("signatures").selectAll().where("petitionId", "=", p.petitionId).execute(),
    ).toEqual([]);
  });
});

describe("privacy", () => {
  it("leaves erased supporters out of people and signatures", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const email = `erased-${Date.now().toString(36)}@example.org`;
    const signed = await postJson(`${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`, {
      person: {
        given_name: "Gone",
        family_name: "Away",
        email_addresses: [{ address: email }],
        postal_addresses: [{ postal_code: "05401" }],
      },
    });
    const personLink = signed.body._links["osdi:person"].href;
    expect((await get(personLink)).status).toBe(200);
    const id = Number(personLink.split("/").pop());
    await db().updateTable("supporters").set({ erasedAt: new Date() }).where("id", "=", id).execute();
    expect((await get(personLink)).status).toBe(404);
    expect((await get(signed.body._links.self.href)).status).toBe(404);
    expect((await get(`${BASE}/petitions/${p.petitionId}/signatures`)).body.total_records).toBe(0);
  });
});

describe("donations, advocacy campaigns and outreaches", () => {
  it("shows a made gift, a letter and a call report, linked to their person and campaign", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const tag = Date.now().toString(36);
    const email = `actions-${tag}@example.org`;
    const signed = await postJson(`${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`, {
      person: {
        given_name: "Ida",
        family_name: "Wells",
        email_addresses: [{ address: email }],
        postal_addresses: [{ postal_code: "05401" }],
      },
    });
    const personLink = signed.body._links["osdi:person"].href as string;
    const supporterId = Number(personLink.split("/").pop());
    const submission = await db()
      .insertInto("letterSubmissions")
      .values({
        token: `t-${tag}`,
        idempotencyKey: `i-${tag}`,
        campaignId: p.campaignId,
        supporterId,
        firstName: "Ida",
        lastName: "Wells",
        street: "1 Main St",
        city: "Burlington",
        state: "VT",
        zip: "05401",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const letter = await db()
      .insertInto("letters")
      .values({
        submissionId: submission.id,
        campaignId: p.campaignId,
        supporterId,
        position: 0,
        recipientKind: "official",
        recipientName: "The Secretary",
        recipientTitle: "Secretary of State",
        recipientAddress: ["Washington"],
        subject: "Bring them home",
        body: "Dear Secretary",
        method: "print",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const call = await db()
      .insertInto("calls")
      .values({
        campaignId: p.campaignId,
        officeCode: "S000033",
        outcome: "left_voicemail",
        viewNonce: `v-${tag}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const made = {
      formKey: `f-${tag}`,
      manageToken: `m-${tag}`,
      campaignId: p.campaignId,
      supporterId,
      frequency: "monthly" as const,
      amountCents: 2500,
      email,
      status: "active" as const,
    };
    const gift = await db()
      .insertInto("donations")
      .values({ ...made, completedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("donations")
      .values({ ...made, formKey: `g-${tag}`, manageToken: `n-${tag}`, status: "pending" })
      .execute();

    const donations = await get(`${BASE}/donations?per_page=100`);
    const mine = donations.body._embedded["osdi:donations"].filter(
      (d: { _links: { "osdi:person"?: { href: string } } }) => d._links["osdi:person"]?.href === personLink,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      identifiers: [`bringthemhome:${gift.id}`],
      amount: "25.00",
      currency: "USD",
      recurrence: { recurring: true, period: "Monthly" },
    });

    const campaign = await get(`${BASE}/advocacy_campaigns/${p.campaignId}`);
    expect(campaign.body).toMatchObject({ total_outreaches: 2 });
    const outreaches = await get(campaign.body._links["osdi:outreaches"].href);
    expect(outreaches.body.total_records).toBe(2);
    const [first, second] = outreaches.body._embedded["osdi:outreaches"];
    expect(first).toMatchObject({
      identifiers: [`bringthemhome:letter-${letter.id}`],
      type: "letter",
      subject: "Bring them home",
      targets: [{ name: "The Secretary", title: "Secretary of State" }],
    });
    expect(first._links["osdi:person"].href).toBe(personLink);
    expect(second).toMatchObject({
      identifiers: [`bringthemhome:call-${call.id}`],
      type: "phone",
      "bringthemhome:detail": "left_voicemail",
    });
    expect(second._links["osdi:person"]).toBeUndefined();
    expect((await get(second._links.self.href)).body.identifiers).toEqual(second.identifiers);
    expect((await get(`${BASE}/outreaches/letter-x`)).status).toBe(404);
    expect((await get(`${BASE}/advocacy_campaigns/999999999/outreaches`)).status).toBe(404);
  });
});
