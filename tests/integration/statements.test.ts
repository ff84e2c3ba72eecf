import { sql } from "kysely";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { issueCallToken } from "~/modules/calls/call-token.server";
import { saveCallScripts, saveScriptOverride } from "~/modules/calls/call-scripts.server";
import { callList, reportCall } from "~/modules/calls/calls.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { officeCode } from "~/modules/legislators/seats";
import { audienceSize } from "~/modules/mail/mailings.server";
import { sendStatementNews } from "~/modules/statements/news.server";
import { statementsFeed } from "~/modules/statements/public-statements.server";
import { scorecard } from "~/modules/statements/scorecard.server";
import { scorecardFilterSchema, statementFormSchema } from "~/modules/statements/statements.schema";
import {
  recordStatement,
  replyTargets,
  submitReply,
  verifyStatement,
} from "~/modules/statements/statements.server";
import { makeCampaign, makeOrganizer, seedContent } from "../factories";
import { makeSigner } from "../factories/signers";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFileStore } from "~/modules/uploads/storage.server";
import { action as statementsAction } from "~/routes/admin.campaigns.$id_.statements";
import { loader as sourceLoader } from "~/routes/statements.$id.source";
import { makePdf } from "../factories/files";
import { callRoute } from "../support/remix";
import { sessionCookieFor } from "../support/route-result";

let uploadDir = "";
let campaignId = 0;
let organizerId = 0;
/** A House seat whose district shares a ZIP with another district of its state. */
let split: { zip: string; state: string; district: number; other: number; code: string };

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), "statement-scans-"));
  overrideEnv({ APP_URL: "https://campaign.example.org", UPLOAD_DIR: uploadDir });
  setFileStore(undefined);
  await seedContent();
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearDistrictCache();
  campaignId = (
    await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow()
  ).id;
  organizerId = (await makeOrganizer("editor")).id;
  const row = await sql<{ zip: string; state: string; district: number; other: number }>`
    select a.zip, a.state, a.district, b.district as other from zip_districts a
    join zip_districts b on b.zip = a.zip and b.state = a.state and b.district <> a.district
    join legislators l on l.chamber = 'house' and l.state = a.state and l.district = a.district
    where a.district > 0 order by a.zip limit 1`.execute(db());
  const r = row.rows[0];
  split = { ...r, code: officeCode({ chamber: "house", state: r.state, district: r.district }) };
});

afterAll(() => {
  setFileStore(undefined);
  rmSync(uploadDir, { recursive: true, force: true });
});

function form(values: Record<string, string>) {
  return statementFormSchema.parse({
    position: "opposes",
    kind: "public_statement",
    statedOn: "2026-11-01",
    body: "",
    ...values,
  });
}

async function recordAndVerify(values: Record<string, string>) {
  const recorded = await recordStatement(organizerId, campaignId, form(values));
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.fields));
  expect(await verifyStatement(organizerId, recorded.id)).toBe(true);
  return recorded.id;
}

const newsTo = (statementId: number) =>
  db()
    .selectFrom("emails")
    .select(["toAddress", "text"])
    .where("kind", "=", "statement-news")
    .where(sql<boolean>`tags->>'statement' = ${String(statementId)}`)
    .execute();

describe("news about a verified statement", () => {
  it("reaches the House seat's constituents once each, the ZIP's other-district neighbours as 'may be', and nobody else", async () => {
    const { state, zip, district, other, code } = split;
    const sure = await makeSigner(db(), campaignId, { state, zip, district });
    const maybe = await makeSigner(db(), campaignId, { state, zip, district: null });
    const neighbour = await makeSigner(db(), campaignId, { state, zip, district: other });
    const suppressed = await makeSigner(db(), campaignId, { state, zip, district });
    await db()
      .insertInto("suppressions")
      .values({ emailCanonical: suppressed.email, reason: "complaint" })
      .execute();
    await saveCallScripts(organizerId, campaignId, {
      supports: "",
      opposes: "Please ask {{name}} to reconsider.",
      undecided: "",
      mixed: "",
      no_response: "",
    });
    // This seat's own script for "opposes" replaces the campaign's in its news.
    await saveScriptOverride(organizerId, campaignId, {
      target: { officeCode: code, officialId: null },
      position: "opposes",
      script: "Ask {{name}}, your own member, to reconsider.",
    });
    const member = await db()
      .selectFrom("legislators")
      .select("fullName")
      .where("chamber", "=", "house")
      .where("state", "=", state)
      .where("district", "=", district)
      .orderBy("congress", "desc")
      .executeTakeFirstOrThrow();
    const id = await recordAndVerify({ target: code, body: "We have no position on the director." });

    expect(await sendStatementNews(id)).toBe(2);
    const emails = await newsTo(id);
    expect(emails.map((e) => e.toAddress).sort()).toEqual([sure.email, maybe.email].sort());
    expect(emails.find((e) => e.toAddress === maybe.email)!.text).toMatch(/may be your representative/);
    expect(emails.find((e) => e.toAddress === sure.email)!.text).not.toMatch(/may be your representative/);
    // Opposes: the call script and the call tool, not the share link.
    expect(emails[0].text).toMatch(/Open the call tool/);
    expect(emails[0].text).toContain(`Ask ${member.fullName}, your own member, to reconsider.`);
    expect(emails.map((e) => e.toAddress)).not.toContain(neighbour.email);
    // However often the job runs: nothing more.
    expect(await sendStatementNews(id)).toBe(0);
    expect(await newsTo(id)).toHaveLength(2);
  });

  it("is not sent for a statement that is not verified", async () => {
    const recorded = await recordStatement(organizerId, campaignId, form({ target: "SVT01", body: "Draft" }));
    if (!recorded.ok) throw new Error("not recorded");
    await makeSigner(db(), campaignId, { state: "VT", zip: "05401" });
    expect(await sendStatementNews(recorded.id)).toBe(0);
  });
});

describe("statements: public only once verified, newest first, append-only", () => {
  it("keeps an unverified statement out of the feed and scorecard, and a newer one supersedes the older", async () => {
    const older = await recordAndVerify({ target: "SVT03", position: "undecided", statedOn: "2026-10-01" });
    const pending = await recordStatement(
      organizerId,
      campaignId,
      form({ target: "SVT03", position: "opposes", statedOn: "2026-11-20" }),
    );
    if (!pending.ok) throw new Error("not recorded");
    const senate = scorecardFilterSchema.parse({ chamber: "senate", state: "VT" });
    let card = (await scorecard("dpaa-director", senate))!;
    expect(card.rows.find((r) => r.key === "SVT03")?.position).toBe("undecided");
    const feed = (await statementsFeed("dpaa-director"))!;
    expect(feed.statements.map((s) => s.id)).toContain(older);
    expect(feed.statements.map((s) => s.id)).not.toContain(pending.id);
    const newer = await recordAndVerify({ target: "SVT03", position: "supports", statedOn: "2026-11-21" });
    card = (await scorecard("dpaa-director", senate))!;
    expect(card.rows.find((r) => r.key === "SVT03")?.position).toBe("supports");
    // Nothing is overwritten: both rows remain, and their content cannot be changed.
    const rows = await db().selectFrom("statements").select("id").where("officeCode", "=", "SVT03").execute();
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([older, newer, pending.id]));
    await expect(
      db().updateTable("statements").set({ position: "opposes" }).where("id", "=", older).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses a seat that is not a target, with a message, and saves nothing", async () => {
    const officialsOnly = await makeCampaign();
    const official = await db().selectFrom("officials").select("id").executeTakeFirstOrThrow();
    await db()
      .insertInto("campaignTargets")
      .values({ campaignId: officialsOnly.id, kind: "official", officialId: official.id })
      .execute();
    const result = await recordStatement(organizerId, officialsOnly.id, form({ target: "SVT01" }));
    expect(result).toEqual({
      ok: false,
      fields: { target: expect.stringMatching(/not a target of this campaign/) },
    });
    expect(
      await db().selectFrom("statements").select("id").where("campaignId", "=", officialsOnly.id).execute(),
    ).toEqual([]);
    expect(statementFormSchema.safeParse({ ...form({ target: "SVT01" }), target: "SVT09" }).success).toBe(
      false,
    );
    expect(
      statementFormSchema.safeParse({
        target: "SVT01",
        position: "supports",
        kind: "vote",
        statedOn: "2999-01-01",
        body: "",
      }).success,
    ).toBe(false);
  });
});

describe("a supporter's reply from their delivery page", () => {
  it("goes in unverified, only for an office they wrote to, with its HTML kept as text", async () => {
    const supporter = await makeSigner(db(), campaignId, { state: "VT", zip: "05401" });
    const token = `reply-token-${Date.now().toString(36)}-abcdef`.slice(0, 30);
    const sub = await db()
      .insertInto("letterSubmissions")
      .values({
        token,
        idempotencyKey: token,
        campaignId,
        supporterId: supporter.id,
        firstName: "Ann",
        lastName: "Writer",
        street: "1 Main St",
        city: "Burlington",
        state: "VT",
        zip: "05401",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const sanders = await db()
      .selectFrom("legislators")
      .select(["bioguide", "fullName"])
      .where("bioguide", "=", "S000033")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("letters")
      .values({
        submissionId: sub.id,
        campaignId,
        supporterId: supporter.id,
        position: 0,
        recipientKind: "senate",
        bioguide: sanders.bioguide,
        recipientName: sanders.fullName,
        recipientTitle: "Senator",
        recipientAddress: ["Washington, DC"],
        state: "VT",
        subject: "S",
        body: "B",
        method: "contact_form",
      })
      .execute();
    expect((await replyTargets(token))!.targets.map((t) => t.key)).toEqual(["SVT01"]);
    const refused = await submitReply(token, {
      target: { officeCode: "SCA01", officialId: null },
      body: "x",
    });
    expect(refused.ok).toBe(false);
    const sent = await submitReply(token, {
      target: { officeCode: "SVT01", officialId: null },
      body: "<b>Thanks</b> for writing",
    });
    if (!sent.ok) throw new Error("not sent");
    const row = await db()
      .selectFrom("statements")
      .selectAll()
      .where("id", "=", sent.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      origin: "supporter",
      verifiedAt: null,
      body: "<b>Thanks</b> for writing",
      submissionId: sub.id,
    });
    expect((await statementsFeed("dpaa-director"))!.statements.map((s) => s.id)).not.toContain(sent.id);
  });
});

describe("call outcome reports", () => {
  it("count once per call-list view and office; forged, foreign and non-target reports are refused", async () => {
    const list = await callList(campaignId, "05401");
    if (!list.ok) throw new Error(list.message);
    expect(list.entries.map((e) => e.key)).toEqual(expect.arrayContaining(["SVT01", "SVT03", "HVT00"]));
    const report = {
      token: list.token,
      target: { officeCode: "HVT00", officialId: null },
      outcome: "reached_staffer" as const,
    };
    expect(await reportCall(campaignId, report, "203.0.113.9")).toEqual({ ok: true, counted: true });
    expect(await reportCall(campaignId, report, "203.0.113.9")).toEqual({ ok: true, counted: false });
    const forged = `${list.token.slice(0, -2)}AA`;
    expect((await reportCall(campaignId, { ...report, token: forged }, "203.0.113.9")).ok).toBe(false);
    const other = await makeCampaign();
    expect(
      (await reportCall(campaignId, { ...report, token: issueCallToken(other.id) }, "203.0.113.9")).ok,
    ).toBe(false);
    expect(
      (
        await reportCall(
          campaignId,
          { ...report, target: { officeCode: "HZZ01", officialId: null } },
          "203.0.113.9",
        )
      ).ok,
    ).toBe(false);
    const calls = await db()
      .selectFrom("calls")
      .select("outcome")
      .where("officeCode", "=", "HVT00")
      .execute();
    expect(calls).toEqual([{ outcome: "reached_staffer" }]);
  });
});

describe("an update scoped to one state or one seat", () => {
  it("counts only the audience's members who live there", async () => {
    const campaign = await makeCampaign();
    await db().insertInto("petitions").values({ campaignId: campaign.id, ask: "Ask", goal: 10 }).execute();
    await makeSigner(db(), campaign.id, { state: "VT", zip: "05401" });
    await makeSigner(db(), campaign.id, { state: "VT", zip: "05602" });
    await makeSigner(db(), campaign.id, { state: "NH", zip: "03301" });
    const none = { scopeState: null, scopeOffice: null };
    expect(await audienceSize("petition-signers", campaign.id, none)).toBe(3);
    expect(await audienceSize("petition-signers", campaign.id, { ...none, scopeState: "VT" })).toBe(2);
    expect(await audienceSize("petition-signers", campaign.id, { ...none, scopeOffice: "SNH02" })).toBe(1);
    expect(await audienceSize("petition-signers", campaign.id, { ...none, scopeOffice: "HCA12" })).toBe(0);
  });
});

describe("an uploaded letter or scan", () => {
  async function postScan(name: string, data: Buffer, type: string) {
    const body = new FormData();
    for (const [k, v] of Object.entries({
      intent: "record",
      target: "SVT01",
      position: "supports",
      kind: "letter_reply",
      statedOn: "2026-11-02",
      body: "Scanned reply",
    }))
      body.append(k, v);
    body.append("scan", new File([new Uint8Array(data)], name, { type }));
    const request = new Request(`http://localhost/admin/campaigns/${campaignId}/statements`, {
      method: "POST",
      body,
      headers: { Cookie: await sessionCookieFor(organizerId) },
    });
    return callRoute(statementsAction as never, request, { id: String(campaignId) });
  }
  const files = () =>
    readdirSync(uploadDir, { recursive: true }).filter((f) => String(f).startsWith("statements/"));
  const count = async () =>
    (await db().selectFrom("statements").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow())
      .n;

  it("larger than the limit: a clear message, and neither row nor file saved", async () => {
    const before = await count();
    const res = await postScan("big.pdf", Buffer.alloc(11 * 1024 * 1024, 1), "application/pdf");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fields.scan).toMatch(/at most 10 MB\. Nothing was saved/);
    expect(await count()).toBe(before);
    expect(files()).toEqual([]);
  });

  it("a PDF is stored like a case document and served only once verified", async () => {
    const res = await postScan("reply.pdf", makePdf(), "application/pdf");
    expect(res.status).toBe(302);
    const id = Number(new URL(res.headers.get("Location")!, "http://x").searchParams.get("recorded"));
    const row = await db()
      .selectFrom("statements")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sourceFilename: "reply.pdf", sourceContentType: "application/pdf" });
    expect(files()).toHaveLength(1);
    const get = () =>
      callRoute(sourceLoader as never, new Request(`http://localhost/statements/${id}/source`), {
        id: String(id),
      });
    expect((await get()).status).toBe(404);
    await verifyStatement(organizerId, id);
    const served = await get();
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Disposition")).toMatch(/^attachment/);
  });
});
