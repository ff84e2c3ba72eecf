import { db } from "~db/index.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { action as confirmAction } from "~/routes/confirm.$token";
import { loader as logLoader } from "~/routes/transparency.petitions.$slug.log";
import { loader as checkpointLoader } from "~/routes/transparency.petitions.$slug.checkpoint";
import { loader as tallyLoader } from "~/routes/transparency.petitions.$slug.tally[.]json";
import { confirmationToken, sendConfirmationBatch } from "~/modules/petitions/confirmation.server";
import { getPetitionJson } from "~/modules/petitions/petitions.server";
import { invalidateSignatures, toRule } from "~/modules/petitions/petitions-admin.server";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { forgetInLog, receiptFor } from "~/modules/transparency/transparency.server";
import { type PublishedTally, verifyLog } from "~/modules/transparency/verify-log";
import { makeOrganizer } from "../factories";
import { callRouteRaw as callRoute, form, post } from "../support/remix";
import { makePetition, signatureRows, zipDistricts } from "../support/petitions";
import { published } from "../support/transparency";

beforeAll(() =>
  zipDistricts([
    { zip: "05401", state: "VT", district: 0 },
    { zip: "94110", state: "CA", district: 11 },
  ]),
);

let k = 0;
async function sign(slug: string, overrides: Record<string, string> = {}) {
  k++;
  const values = {
    firstName: "Jane",
    lastName: "Roe",
    email: `t-${k}@example.org`,
    zip: "05401",
    ...overrides,
  };
  await callRoute(
    signAction as never,
    post(`/campaigns/${slug}/sign`, form(values)),
    { slug },
    {
      clientIp: `198.51.100.${k % 250}`,
    },
  );
  return values;
}

async function confirmAll(petitionId: number) {
  await sendConfirmationBatch();
  const receipts = new Map<number, string>();
  for (const s of await signatureRows(petitionId)) {
    if (s.state !== "pending") continue;
    const token = confirmationToken(s.id);
    const r = (await callRoute(
      confirmAction as never,
      post(`/confirm/${token}`, form({ intent: "confirm" })),
      {
        token,
      },
    )) as { view: { kind: string; receipt: string } };
    expect(r.view.kind).toBe("confirmed");
    receipts.set(s.id, r.view.receipt);
  }
  return receipts;
}

/** The page's figures (GET /api/v1/petitions/:slug) against the tally the verifier recomputed. */
async function expectPageAgrees(slug: string, tally: PublishedTally["tally"], pending: number) {
  const page = await getPetitionJson(slug);
  expect(page?.signatureCount).toBe(tally.net);
  expect(page?.pendingCount).toBe(pending);
  expect(page?.byState).toEqual(tally.byState);
}

describe("a petition's transparency log", () => {
  it("follows confirmation and invalidation with the page's counts, receipts verify until removed, history extends", async () => {
    const p = await makePetition();
    const signed = [
      await sign(p.slug),
      await sign(p.slug),
      await sign(p.slug, { zip: "94110" }),
      await sign(p.slug),
    ];
    const receipts = await confirmAll(p.petitionId);
    await sign(p.slug); // stays pending: shown apart, not in the log
    await rollUpSignatures();

    const first = await published(p.slug);
    const report = verifyLog(first);
    expect(report.tally).toMatchObject({ confirmed: 4, invalidated: 0, net: 4 });
    expect(report.pending).toBe(1);
    await expectPageAgrees(p.slug, report.tally, 1);
    const rows = await signatureRows(p.petitionId);
    const victim = rows.find((r) => r.emailCanonical === signed[1].email)!;
    expect(verifyLog({ ...first, receipt: receipts.get(victim.id) }).receipt?.status).toBe("active");
    // No personal data in what is published.
    const all = first.log + first.checkpoint + JSON.stringify(first.tally);
    for (const v of [...signed.map((s) => s.email), "Roe", "05401", "94110", "198.51.100"])
      expect(all).not.toContain(v);

    const organizer = await makeOrganizer("editor");
    expect(
      await invalidateSignatures(
        organizer.id,
        p.petitionId,
        toRule({ rule: "email", value: signed[1].email, from: "", to: "", confirm: true }),
      ),
    ).toBe(1);
    const second = await published(p.slug);
    const lines = second.log.trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "invalidation", category: "duplicate" });
    const after = verifyLog({ ...second, previous: first.checkpoint });
    expect(after.tally).toMatchObject({ confirmed: 4, invalidated: 1, net: 3 });
    await expectPageAgrees(p.slug, after.tally, 1);
    expect(() => verifyLog({ ...second, receipt: receipts.get(victim.id) })).toThrow(
      /invalidation \(duplicate\)/,
    );

    // The earlier checkpoint stays published by its size.
    const old = (await callRoute(
      checkpointLoader as never,
      new Request(`http://localhost/transparency/petitions/${p.slug}/checkpoint?size=${first.tally.size}`),
      { slug: p.slug },
    )) as Response;
    expect(await old.text()).toBe(first.checkpoint);
    // The log and tally of that earlier moment too, so a reader never mixes two moments.
    const thenLog = (await callRoute(
      logLoader as never,
      new Request(`http://localhost/transparency/petitions/${p.slug}/log?size=${first.tally.size}`),
      { slug: p.slug },
    )) as Response;
    expect(await thenLog.text()).toBe(first.log);
    const thenTally = (await callRoute(
      tallyLoader as never,
      new Request(`http://localhost/transparency/petitions/${p.slug}/tally.json?size=${first.tally.size}`),
      { slug: p.slug },
    )) as Response;
    expect(await thenTally.json()).toMatchObject({ size: first.tally.size, tally: first.tally.tally });
  });

  it("logs a bulk invalidation as one line with the rule's category only, and the counts drop together", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    for (let i = 0; i < 5; i++) await sign(p.slug, { email: `bot${i}-${k}@bulk-domain.example` });
    await sign(p.slug);
    await rollUpSignatures();
    const organizer = await makeOrganizer("editor");
    await invalidateSignatures(
      organizer.id,
      p.petitionId,
      toRule({ rule: "domain", value: "bulk-domain.example", from: "", to: "", confirm: true }),
    );
    const docs = await published(p.slug);
    const last = JSON.parse(docs.log.trim().split("\n").at(-1)!);
    expect(last).toEqual({
      position: 6,
      type: "invalidation",
      category: "blocked-domain",
      positions: [0, 1, 2, 3, 4],
    });
    expect(docs.log).not.toContain("bulk-domain");
    const report = verifyLog(docs);
    expect(report.tally.net).toBe(1);
    await expectPageAgrees(p.slug, report.tally, 0);
  });

  it("logs withdrawals and erasures: an erased signature's random bytes are gone and the log still verifies", async () => {
    const p = await makePetition();
    for (let i = 0; i < 3; i++) await sign(p.slug);
    const receipts = await confirmAll(p.petitionId);
    await rollUpSignatures();
    const [a, b] = await signatureRows(p.petitionId);
    await db().updateTable("signatures").set({ withdrawnAt: new Date() }).where("id", "=", a.id).execute();
    await rollUpSignatures();
    await db()
      .transaction()
      .execute((trx) => forgetInLog(trx, [b.id]));
    expect(await receiptFor(b.id)).toBeNull();
    const docs = await published(p.slug);
    const types = docs.log
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).type);
    expect(types).toEqual(["signature", "signature", "signature", "withdrawal", "erasure"]);
    const report = verifyLog(docs);
    expect(report.tally).toMatchObject({ confirmed: 3, withdrawn: 1, erased: 1, net: 1 });
    expect(() => verifyLog({ ...docs, receipt: receipts.get(a.id) })).toThrow(/withdrawal/);
    expect(() => verifyLog({ ...docs, receipt: receipts.get(b.id) })).toThrow(/erasure/);
    // Erasing again, or a signature never logged, adds nothing.
    await db()
      .transaction()
      .execute((trx) => forgetInLog(trx, [b.id, 999_999_999]));
    expect((await published(p.slug)).tally.size).toBe(5);
  });

  it("logs a restoration that undoes an invalidation (a signature set back to confirmed)", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const a = await sign(p.slug);
    await sign(p.slug);
    await rollUpSignatures();
    const organizer = await makeOrganizer("editor");
    await invalidateSignatures(
      organizer.id,
      p.petitionId,
      toRule({ rule: "email", value: a.email, from: "", to: "", confirm: true }),
    );
    await db()
      .updateTable("signatures")
      .set({ state: "confirmed", invalidationId: null, invalidatedAt: null })
      .where("emailCanonical", "=", a.email)
      .execute();
    await rollUpSignatures();
    const docs = await published(p.slug);
    const last = JSON.parse(docs.log.trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ type: "restoration", positions: [0] });
    const report = verifyLog(docs);
    expect(report.tally).toMatchObject({ confirmed: 2, invalidated: 0, net: 2 });
    await expectPageAgrees(p.slug, report.tally, 0);
  });

  it("answers an empty log with a signed checkpoint, refuses a bad size, and hides drafts", async () => {
    const p = await makePetition();
    const docs = await published(p.slug);
    expect(verifyLog(docs).size).toBe(0);
    const bad = (await callRoute(
      checkpointLoader as never,
      new Request(`http://localhost/transparency/petitions/${p.slug}/checkpoint?size=abc`),
      { slug: p.slug },
    )) as Response;
    expect(bad.status).toBe(400);
    const missing = (await callRoute(
      checkpointLoader as never,
      new Request(`http://localhost/transparency/petitions/${p.slug}/checkpoint?size=7`),
      { slug: p.slug },
    )) as Response;
    expect(missing.status).toBe(404);
    const draft = await makePetition({ status: "draft" });
    const hidden = (await callRoute(
      tallyLoader as never,
      new Request(`http://localhost/transparency/petitions/${draft.slug}/tally.json`),
      { slug: draft.slug },
    )) as Response;
    expect(hidden.status).toBe(404);
  });
});
