import { sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrl, db } from "~db/index.server";
import { env, overrideEnv } from "~/env.server";
import { forgetAbuseLimits } from "~/modules/petitions/petition-settings.server";
import { signBatched } from "~/modules/petitions/sign-batcher.server";
import { signatureSchema } from "~/modules/petitions/petitions.schema";
import { signPetition } from "~/modules/petitions/signing.server";
import type { SignatureRow } from "~/modules/petitions/signing.queries.server";
import { makePetition, signatureRows, signer, startApi, zipDistricts } from "../support/petitions";

/*
 * Issue 17, signing at 2,000 a second: concurrent signatures are written by one statement per
 * batch (sign-batcher.server.ts). Every answer must be the one the one-row statement gives.
 */

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
  await zipDistricts([{ zip: "05401", state: "VT", district: 0 }]);
});
afterAll(() => api?.close());

function sign(slug: string, body: unknown) {
  return fetch(`${api.url}/api/v1/petitions/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (r) => `${r.status} ${JSON.stringify(await r.json())}`);
}

async function setLimit(key: string, value: number | null) {
  if (value === null) await db().deleteFrom("settings").where("key", "=", key).execute();
  else
    await db()
      .insertInto("settings")
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  forgetAbuseLimits();
}

function row(slug: string, email: string, overrides: Partial<SignatureRow> = {}): SignatureRow {
  return {
    slug,
    email,
    emailCanonical: email,
    emailDomain: email.split("@")[1],
    firstName: "Jane",
    lastName: "Doe",
    country: "US",
    zip: "05401",
    zip5: "05401",
    city: "Burlington",
    usState: "VT",
    comment: null,
    showName: false,
    optIn: true,
    consentWording: "Send me updates about this campaign.",
    source: null,
    ipHash: null,
    ipLimit: 0,
    userAgentClass: "desktop",
    honeypot: false,
    domainLimit: 0,
    disposable: false,
    congress: 119,
    language: "en",
    ...overrides,
  };
}

describe("signing in batches", () => {
  it("200 concurrent signatures: every 202 stored once, duplicates answered as today, counts exact, few statements", async () => {
    const p = await makePetition();
    const open = await makePetition({ requiresConfirmation: false });
    const closed = await makePetition({ status: "closed" });
    const earlier = signer({ optIn: true });
    expect(await sign(p.slug, earlier)).toBe('202 {"status":"pending"}');
    const unique = Array.from({ length: 150 }, () => signer({ optIn: true }));
    const repeated = signer();
    const requests = [
      ...unique.map((b) => ({ slug: p.slug, body: b, expect: '202 {"status":"pending"}' })),
      ...Array.from({ length: 20 }, () => ({
        slug: p.slug,
        body: repeated,
        expect: '202 {"status":"pending"}',
      })),
      ...Array.from({ length: 10 }, () => ({
        slug: p.slug,
        body: earlier,
        expect: '202 {"status":"pending"}',
      })),
      ...unique.slice(0, 10).map((b) => ({ slug: open.slug, body: b, expect: '202 {"status":"confirmed"}' })),
      ...Array.from({ length: 5 }, () => ({
        slug: closed.slug,
        body: signer(),
        expect: `409 ${JSON.stringify({ error: { code: "petition_closed", message: "This petition is closed and no longer takes signatures." } })}`,
      })),
      ...Array.from({ length: 5 }, () => ({
        slug: "no-such-petition",
        body: signer(),
        expect: `404 ${JSON.stringify({ error: { code: "not_found", message: "No petition has that address." } })}`,
      })),
    ];
    expect(requests).toHaveLength(200);
    const answers = await Promise.all(requests.map((r) => sign(r.slug, r.body)));
    expect(answers).toEqual(requests.map((r) => r.expect));

    const rows = await signatureRows(p.petitionId);
    expect(rows).toHaveLength(152);
    const emails = new Set(rows.map((r) => r.emailCanonical));
    expect(emails.size).toBe(152);
    for (const b of [earlier, repeated, ...unique]) expect(emails.has(b.email as string)).toBe(true);
    expect(rows.find((r) => r.emailCanonical === repeated.email)?.alreadySignedNotices).toBe(3);
    expect(rows.find((r) => r.emailCanonical === earlier.email)?.alreadySignedNotices).toBe(3);
    expect(rows.every((r) => r.state === "pending")).toBe(true);
    const confirmed = await signatureRows(open.petitionId);
    expect(confirmed.map((r) => r.state)).toEqual(Array(10).fill("confirmed"));
    expect(await signatureRows(closed.petitionId)).toEqual([]);

    const counts = await sql<{ supporters: number; consents: number; statements: number }>`
      select (select count(*)::int from supporters where email_canonical = any(${[...emails]})) as supporters,
        (select count(*)::int from consents where campaign_id = ${p.campaignId}) as consents,
        (select count(distinct created_at)::int from signatures where petition_id = ${p.petitionId}) as statements`.execute(
      db(),
    );
    const [c] = counts.rows;
    expect(c.supporters).toBe(152);
    expect(c.consents).toBe(151); // every opted-in signature once (the repeated signer did not opt in)
    // One statement's rows share its transaction's now(): far fewer statements than signatures.
    expect(c.statements).toBeLessThan(100);
  });

  it("applies the IP limit within a batch exactly as one signature after another", async () => {
    const p = await makePetition();
    await setLimit("petitions.ip_limit_per_hour", 3);
    // One batch for all six, however slowly they reach the batcher on a busy machine: batches
    // that overlap see each other's rows no better than concurrent one-row statements do.
    const wait = env().SIGN_BATCH_WAIT_MS;
    overrideEnv({ SIGN_BATCH_WAIT_MS: 50 });
    try {
      const context = { ip: "203.0.113.9", userAgent: "Mozilla/5.0" };
      const bodies = Array.from({ length: 6 }, () => signatureSchema.parse(signer()));
      const results = await Promise.all(bodies.map((b) => signPetition(p.slug, b, context)));
      expect(results.map((r) => r.kind)).toEqual(Array(6).fill("accepted"));
      const rows = await signatureRows(p.petitionId);
      const reason = new Map(rows.map((r) => [r.emailCanonical, r.fraudReason]));
      // Exactly the limit passes, as when each signature was written after the one before.
      expect(bodies.map((b) => reason.get(b.email) ?? "none").sort()).toEqual([
        "ip_limit",
        "ip_limit",
        "ip_limit",
        "none",
        "none",
        "none",
      ]);
    } finally {
      overrideEnv({ SIGN_BATCH_WAIT_MS: wait });
      await setLimit("petitions.ip_limit_per_hour", null);
    }
  });

  it("applies the domain limit within a batch, counting earlier signatures and not repeats", async () => {
    const p = await makePetition();
    const stamp = Date.now().toString(36);
    const domain = `batch-${stamp}.example`;
    const earlier = signatureSchema.parse(signer({ email: `earlier@${domain}` }));
    const context = { ip: "127.0.0.1", userAgent: "Mozilla/5.0" };
    expect((await signPetition(p.slug, earlier, context)).kind).toBe("accepted");
    await setLimit("petitions.domain_limit_per_hour", 3);
    const wait = env().SIGN_BATCH_WAIT_MS;
    overrideEnv({ SIGN_BATCH_WAIT_MS: 50 }); // one batch for all six (see the IP limit test)
    try {
      const bodies = [
        earlier,
        ...Array.from({ length: 5 }, (_, i) => signatureSchema.parse(signer({ email: `s${i}@${domain}` }))),
      ];
      const results = await Promise.all(bodies.map((b) => signPetition(p.slug, b, context)));
      expect(results.map((r) => r.kind)).toEqual(Array(6).fill("accepted"));
      const rows = await signatureRows(p.petitionId);
      expect(rows).toHaveLength(6);
      // The repeat adds no row: the earlier one and two new ones pass, three new ones are over.
      expect(rows.map((r) => r.fraudReason ?? "none").sort()).toEqual([
        "domain_limit",
        "domain_limit",
        "domain_limit",
        "none",
        "none",
        "none",
      ]);
    } finally {
      overrideEnv({ SIGN_BATCH_WAIT_MS: wait });
      await setLimit("petitions.domain_limit_per_hour", null);
    }
  });

  it("one row the database refuses fails only its own request", async () => {
    const p = await makePetition();
    const stamp = Date.now().toString(36);
    const good = Array.from({ length: 4 }, (_, i) => row(p.slug, `good-${stamp}-${i}@example.org`));
    const bad = row(p.slug, `bad-${stamp}@example.org`, { firstName: "Ja\u0000ne" });
    const settled = await Promise.allSettled([...good, bad].map((r) => signBatched(r)));
    expect(settled.map((s) => s.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
    ]);
    const rows = await signatureRows(p.petitionId);
    expect(rows.map((r) => r.emailCanonical).sort()).toEqual(good.map((r) => r.emailCanonical).sort());
  });

  it("a lost database connection fails the requests of its batch with 503 and nothing else; the next batch is written", async () => {
    const p = await makePetition();
    const admin = new pg.Client({ connectionString: inject("adminUrl") });
    await admin.connect();
    const blocker = new pg.Client({ connectionString: databaseUrl() });
    await blocker.connect();
    try {
      const database = (await blocker.query("select current_database() as d")).rows[0].d as string;
      await blocker.query("begin");
      await blocker.query("lock table consents in exclusive mode");
      const bodies = Array.from({ length: 8 }, () => signer({ optIn: true }));
      const answers = Promise.all(bodies.map((b) => sign(p.slug, b)));
      // Every statement that waits for the lock loses its connection, until all are answered.
      let settled = false;
      const all = answers.finally(() => {
        settled = true;
      });
      let terminated = 0;
      const started = Date.now();
      while (!settled) {
        const { rows } = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where wait_event_type = 'Lock' and datname = $1",
          [database],
        );
        terminated += rows.length;
        if (Date.now() - started > 15_000) throw new Error("the signatures never waited for the lock");
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(terminated).toBeGreaterThan(0);
      const failed = await all;
      expect(new Set(failed.map((a) => a.slice(0, 3)))).toEqual(new Set(["503"]));
      await blocker.query("rollback");
      expect(await signatureRows(p.petitionId)).toEqual([]);
      const again = await Promise.all(bodies.map((b) => sign(p.slug, b)));
      expect(again).toEqual(Array(8).fill('202 {"status":"pending"}'));
      expect(await signatureRows(p.petitionId)).toHaveLength(8);
    } finally {
      await blocker.end();
      await admin.end();
    }
  });

  it("under a surge, at most SIGN_BATCH_IN_FLIGHT statements at once; rows due meanwhile go together", async () => {
    const p = await makePetition();
    const saved = env();
    overrideEnv({ SIGN_BATCH_IN_FLIGHT: 1, SIGN_BATCH_WAIT_MS: 0 });
    const blocker = new pg.Client({ connectionString: databaseUrl() });
    await blocker.connect();
    const stamp = Date.now().toString(36);
    try {
      // The first statement waits (its foreign key check needs the petition row) until we commit.
      await blocker.query("begin");
      await blocker.query("select 1 from petitions where id = $1 for update", [p.petitionId]);
      const first = signBatched(row(p.slug, `first-${stamp}@a.example`));
      for (let waited = 0; ; waited += 20) {
        const { rows } = await blocker.query(
          "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
        );
        if (rows[0].n > 0) break;
        if (waited > 10_000) throw new Error("the first statement never waited");
        await new Promise((r) => setTimeout(r, 20));
      }
      // Three waves, each due on its own (no wait), while the one statement allowed is busy.
      const later: Promise<unknown>[] = [];
      for (let wave = 0; wave < 3; wave++) {
        for (let i = 0; i < 2; i++) later.push(signBatched(row(p.slug, `w${wave}-${i}-${stamp}@b.example`)));
        await new Promise((r) => setTimeout(r, 30));
      }
      await blocker.query("commit");
      await Promise.all([first, ...later]);
      const rows = await signatureRows(p.petitionId);
      expect(rows).toHaveLength(7);
      const statements = await sql<{ n: number }>`
        select count(distinct created_at)::int as n from signatures where petition_id = ${p.petitionId}`.execute(
        db(),
      );
      // The first, then the three waves as one statement (without the bound: four statements).
      expect(statements.rows[0].n).toBe(2);
    } finally {
      overrideEnv({
        SIGN_BATCH_IN_FLIGHT: saved.SIGN_BATCH_IN_FLIGHT,
        SIGN_BATCH_WAIT_MS: saved.SIGN_BATCH_WAIT_MS,
      });
      await blocker.query("rollback").catch(() => undefined);
      await blocker.end();
    }
  });
});
