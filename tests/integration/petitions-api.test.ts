import { sql } from "kysely";
import { db } from "~db/index.server";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { makePetition, signatureRows, signer, startApi, zipDistricts } from "../support/petitions";

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
  await zipDistricts([
    { zip: "05401", state: "VT", district: 0 },
    { zip: "10001", state: "NY", district: 10 },
    { zip: "10001", state: "NY", district: 12 },
  ]);
});
afterAll(() => api?.close());

function sign(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/api/v1/petitions/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("POST /api/v1/petitions/:slug/signatures", () => {
  it("accepts a signature with 202 pending, stores supporter, district and consent wording", async () => {
    const p = await makePetition();
    const body = signer({ optIn: true, comment: "For my uncle.", showName: true, source: "twitter" });
    const res = await sign(p.slug, body, { "user-agent": "Mozilla/5.0 (iPhone; Mobile)" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending" });
    const [row] = await signatureRows(p.petitionId);
    expect(row).toMatchObject({
      state: "pending",
      usState: "VT",
      district: 0,
      districtCandidates: [0],
      city: "Burlington",
      source: "twitter",
      userAgentClass: "mobile",
      showName: true,
      comment: "For my uncle.",
    });
    expect(row.consentWording).toMatch(/updates about this campaign/);
    expect(row.ipHash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const consents = await db()
      .selectFrom("consents")
      .selectAll()
      .where("supporterId", "=", row.supporterId)
      .execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      campaignId: p.campaignId,
      scope: "campaign",
      wording: row.consentWording,
    });
  });

  it("answers confirmed when the petition needs no confirmation", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const res = await sign(p.slug, signer());
    expect(await res.json()).toEqual({ status: "confirmed" });
    expect((await signatureRows(p.petitionId))[0].state).toBe("confirmed");
  });

  it("keeps every district candidate of a ZIP that spans several", async () => {
    const p = await makePetition();
    await sign(p.slug, signer({ zip: "10001-1234" }));
    const [row] = await signatureRows(p.petitionId);
    expect(row).toMatchObject({
      usState: "NY",
      district: null,
      districtCandidates: [10, 12],
      zip: "10001-1234",
    });
  });

  it.each([
    ["missing fields", {}, ["firstName", "lastName", "email", "zip"]],
    ["a 300-character email", { email: `${"a".repeat(290)}@example.org` }, ["email"]],
    ["ZIP ABCDE", { zip: "ABCDE" }, ["zip"]],
    ["a =HYPERLINK( name", { firstName: '=HYPERLINK("http://evil.example","click")' }, ["firstName"]],
    ["control characters", { lastName: "Doe\u0007\u0000" }, ["lastName"]],
    ["a control character in a comment", { comment: "hi\u001b[31m" }, ["comment"]],
    ["a non-boolean showName", { showName: { a: 1 } }, ["showName"]],
  ])("refuses %s with 400 and a message per field, writing nothing", async (_label, patch, fields) => {
    const p = await makePetition();
    const body = Object.keys(patch).length ? signer(patch) : {};
    const res = await sign(p.slug, body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe("invalid_request");
    expect(Object.keys(json.error.fields).sort()).toEqual([...fields].sort());
    expect(await signatureRows(p.petitionId)).toEqual([]);
  });

  it("refuses bad JSON (400), the wrong content type (415) and a 10 MB body (413)", async () => {
    const p = await makePetition();
    expect((await sign(p.slug, "{not json")).status).toBe(400);
    const form = await fetch(`${api.url}/api/v1/petitions/${p.slug}/signatures`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(signer()),
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe("unsupported_media_type");
    const huge = JSON.stringify(signer({ comment: "x".repeat(10 * 1024 * 1024) }));
    const big = await sign(p.slug, huge).catch((e) => e as Error);
    if (big instanceof Response) expect(big.status).toBe(413);
    else expect(String(big)).toMatch(/fetch failed|other side closed|EPIPE|ECONNRESET/);
    expect(await signatureRows(p.petitionId)).toEqual([]);
  });

  it("answers 404 for an unknown petition and 409 for closed, draft or past-deadline ones", async () => {
    expect((await sign("no-such-petition", signer())).status).toBe(404);
    for (const p of [
      await makePetition({ status: "closed" }),
      await makePetition({ status: "draft" }),
      await makePetition({ deadline: new Date(Date.now() - 1000) }),
    ]) {
      const res = await sign(p.slug, signer());
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("petition_closed");
      expect(await signatureRows(p.petitionId)).toEqual([]);
    }
  });

  it("stores exactly one signature for 50 identical requests at once, all answered the same", async () => {
    const p = await makePetition();
    const body = signer();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        sign(p.slug, body).then(async (r) => `${r.status} ${JSON.stringify(await r.json())}`),
      ),
    );
    expect(new Set(answers)).toEqual(new Set(['202 {"status":"pending"}']));
    const rows = await signatureRows(p.petitionId);
    expect(rows).toHaveLength(1);
    expect(rows[0].alreadySignedNotices).toBe(3);
    const supporters = await db()
      .selectFrom("supporters")
      .select("id")
      .where("emailCanonical", "=", body.email)
      .execute();
    expect(supporters).toHaveLength(1);
  });

  it("treats Gmail variants as the same signer and answers a duplicate like a first signature", async () => {
    const p = await makePetition();
    const first = await sign(p.slug, signer({ email: "Jane.Doe+petition@gmail.com" }));
    const second = await sign(p.slug, signer({ email: "janedoe@googlemail.com" }));
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(await second.json()).toEqual(await first.json());
    const rows = await signatureRows(p.petitionId);
    expect(rows).toHaveLength(1);
    expect(rows[0].alreadySignedNotices).toBe(1);
  });

  it("silently marks honeypot and over-limit signatures fraudulent and flags disposable domains", async () => {
    const p = await makePetition();
    expect((await sign(p.slug, signer({ website: "http://spam.example" }))).status).toBe(202);
    await db()
      .insertInto("settings")
      .values({ key: "petitions.domain_limit_per_hour", value: JSON.stringify(2) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(2) }))
      .execute();
    const { forgetAbuseLimits } = await import("~/modules/petitions/petition-settings.server");
    forgetAbuseLimits();
    for (let i = 0; i < 3; i++)
      expect((await sign(p.slug, signer({ email: `x${i}@spam-domain.example` }))).status).toBe(202);
    expect((await sign(p.slug, signer({ email: "y@mailinator.com" }))).status).toBe(202);
    const rows = await signatureRows(p.petitionId);
    expect(rows.map((r) => [r.state, r.fraudReason])).toEqual([
      ["fraudulent", "honeypot"],
      ["pending", null],
      ["pending", null],
      ["fraudulent", "domain_limit"],
      ["pending", "disposable_domain"],
    ]);
    await db().deleteFrom("settings").where("key", "=", "petitions.domain_limit_per_hour").execute();
    forgetAbuseLimits();
  });
});

describe("GET /api/v1/petitions/:slug", () => {
  it("answers the counts from the roll-up, by state and district", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    await sign(p.slug, signer());
    await sign(p.slug, signer({ zip: "10001" }));
    const before = await (await fetch(`${api.url}/api/v1/petitions/${p.slug}`)).json();
    expect(before.signatureCount).toBe(0);
    await rollUpSignatures();
    const after = await (await fetch(`${api.url}/api/v1/petitions/${p.slug}`)).json();
    expect(after).toMatchObject({
      slug: p.slug,
      goal: 100,
      signatureCount: 2,
      pendingCount: 0,
      byState: { VT: 1, NY: 1 },
      byDistrict: { "VT-AL": 1, "NY-?": 1 },
    });
    expect(Date.now() - new Date(after.updatedAt).getTime()).toBeLessThan(10_000);
    expect((await fetch(`${api.url}/api/v1/petitions/nope`)).status).toBe(404);
    const rolled = await sql<{
      n: number;
    }>`select count(*)::int as n from signatures where petition_id = ${p.petitionId} and counted_state is distinct from state`.execute(
      db(),
    );
    expect(rolled.rows[0].n).toBe(0);
  });
});
