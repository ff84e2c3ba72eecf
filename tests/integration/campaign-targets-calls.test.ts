import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { saveCallScripts, saveScriptOverride } from "~/modules/calls/call-scripts.server";
import { callList, callStats, reportCall } from "~/modules/calls/calls.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { insertCampaignRule } from "~/modules/legislators/targets.queries.server";
import { campaignTargetSeats, clearTargetRoster } from "~/modules/legislators/targets.server";
import { scorecard } from "~/modules/statements/scorecard.server";
import { scorecardFilterSchema, statementFormSchema } from "~/modules/statements/statements.schema";
import { recordStatement, verifyStatement } from "~/modules/statements/statements.server";
import { makeCampaign, makeOrganizer, seedContent } from "../factories";
import { makeSigner } from "../factories/signers";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

/*
 * Issue 13 on the one resolver of targets (app/modules/legislators/targets.server.ts): the
 * scorecard, the call tool and the statements list exactly the campaign's rule targets, vacant
 * seats included; scripts per position and per official; calls beside letters and signatures.
 */

let organizerId = 0;
let rulesOnly: { id: number; slug: string };
let hsas02: string[] = [];
let officialId = 0;
const ALL = scorecardFilterSchema.parse({});

beforeAll(async () => {
  overrideEnv({ APP_URL: "https://campaign.example.org" });
  await seedContent();
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearDistrictCache();
  clearTargetRoster();
  organizerId = (await makeOrganizer("editor")).id;
  // A campaign of rules only: the HSAS02 subcommittee, a vacant seat (CA-14), Senator Sanders' seat and an official.
  rulesOnly = await makeCampaign();
  const rule = {
    campaignId: rulesOnly.id,
    office: null,
    state: null,
    committeeId: null,
    role: "all" as const,
  };
  await insertCampaignRule(db(), { ...rule, kind: "committee", committeeId: "HSAS02" });
  await insertCampaignRule(db(), { ...rule, kind: "seat", office: "HCA14" });
  await insertCampaignRule(db(), { ...rule, kind: "seat", office: "SVT01" });
  officialId = (await db().selectFrom("officials").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  await db()
    .insertInto("campaignTargets")
    .values({ campaignId: rulesOnly.id, kind: "official", officialId })
    .execute();
  hsas02 = (await campaignTargetSeats(rulesOnly.id, null)).seats
    .filter((s) => s.committeeId === "HSAS02")
    .map((s) => s.office);
});

const statement = (target: string, position: string) =>
  statementFormSchema.parse({
    target,
    position,
    kind: "public_statement",
    statedOn: "2026-11-30",
    body: "Said.",
  });

describe("the scorecard and call tool list exactly the campaign's rule targets", () => {
  it("scorecard: the committee seats, the named seats (the vacant one as 'Vacant seat', counted) and the official; nothing chamber-wide", async () => {
    expect(hsas02.length).toBeGreaterThanOrEqual(13);
    const card = (await scorecard(rulesOnly.slug, ALL))!;
    const keys = card.rows.map((r) => r.key);
    expect(new Set(keys)).toEqual(new Set([...hsas02, "HCA14", "SVT01", `official:${officialId}`]));
    expect(keys).not.toContain("SVT03");
    expect(keys).not.toContain("HVT00");
    expect(card.totals).toMatchObject({ offices: keys.length, vacant: 1, answered: 0 });
    expect(card.rows.find((r) => r.key === "HCA14")).toMatchObject({
      name: "Vacant seat",
      vacant: true,
      bioguide: null,
    });
    expect(card.rows.find((r) => r.key === "SVT01")).toMatchObject({
      name: "Bernard Sanders",
      vacant: false,
    });
  });

  it("a statement for a seat that is not a rule target is refused; one for a target is recorded", async () => {
    const refused = await recordStatement(organizerId, rulesOnly.id, statement("SVT03", "supports"));
    expect(refused).toEqual({ ok: false, fields: { target: expect.stringMatching(/not a target/) } });
    expect((await recordStatement(organizerId, rulesOnly.id, statement(hsas02[0], "opposes"))).ok).toBe(true);
  });

  it("call list from 05401: the caller's own member among the targets first, then the others; the vacant seat without a phone or script", async () => {
    const list = await callList(rulesOnly.id, "05401");
    if (!list.ok) throw new Error(list.message);
    const keys = list.entries.map((e) => e.key);
    expect(new Set(keys)).toEqual(new Set([...hsas02, "HCA14", "SVT01", `official:${officialId}`]));
    expect(list.entries[0]).toMatchObject({ key: "SVT01", own: true, name: "Bernard Sanders" });
    expect(list.entries[0].phone).toMatch(/\d{3}-\d{4}/);
    expect(list.entries.filter((e) => e.own).map((e) => e.key)).toEqual(["SVT01"]);
    expect(list.entries.find((e) => e.key === "HCA14")).toMatchObject({
      name: "Vacant seat",
      vacant: true,
      phone: null,
      script: "",
    });
    // A committee member who is not the caller's has their Washington phone from the roster.
    expect(list.entries.find((e) => e.key === hsas02[1])?.phone).toMatch(/\d{3}-\d{4}/);
  });
});

describe("call scripts per position, and for one official", () => {
  it("the caller sees the official's own script for its current verified position, else the campaign's", async () => {
    await saveCallScripts(organizerId, rulesOnly.id, {
      supports: "Thank {{name}}.",
      opposes: "Ask {{name}} to reconsider.",
      undecided: "",
      mixed: "",
      no_response: "Ask {{name}} to answer.",
    });
    expect(
      await saveScriptOverride(organizerId, rulesOnly.id, {
        target: { officeCode: "SVT03", officialId: null },
        position: "supports",
        script: "Not a target.",
      }),
    ).toEqual({ ok: false, fields: { target: expect.stringMatching(/not a target/) } });
    const sanders = { target: { officeCode: "SVT01", officialId: null }, position: "supports" as const };
    await saveScriptOverride(organizerId, rulesOnly.id, {
      ...sanders,
      script: "Senator {{name}}: thank you.",
    });
    // Saving again replaces it (one script per official and position).
    await saveScriptOverride(organizerId, rulesOnly.id, {
      ...sanders,
      script: "Please thank {{name}} for supporting a permanent DPAA director.",
    });
    let entries = (await callList(rulesOnly.id, "05401")) as Extract<
      Awaited<ReturnType<typeof callList>>,
      { ok: true }
    >;
    // No verified position yet: the campaign's "no response" script (the override is for "supports").
    expect(entries.entries.find((e) => e.key === "SVT01")?.script).toBe("Ask Bernard Sanders to answer.");
    const recorded = await recordStatement(organizerId, rulesOnly.id, statement("SVT01", "supports"));
    if (!recorded.ok) throw new Error("not recorded");
    await verifyStatement(organizerId, recorded.id);
    entries = (await callList(rulesOnly.id, "05401")) as typeof entries;
    expect(entries.entries.find((e) => e.key === "SVT01")?.script).toBe(
      "Please thank Bernard Sanders for supporting a permanent DPAA director.",
    );
    // Another official who supports gets the campaign's script for "supports".
    const other = await recordStatement(organizerId, rulesOnly.id, statement(hsas02[2], "supports"));
    if (!other.ok) throw new Error("not recorded");
    await verifyStatement(organizerId, other.id);
    entries = (await callList(rulesOnly.id, "05401")) as typeof entries;
    const otherEntry = entries.entries.find((e) => e.key === hsas02[2])!;
    expect(otherEntry.script).toBe(`Thank ${otherEntry.name}.`);
  });
});

describe("the organizer's calls per office and day", () => {
  it("sets the calls and their outcomes beside the letters and signatures from the office's constituents", async () => {
    const dpaa = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();
    const before = await callStats(dpaa.id, 30);
    const today = new Date().toISOString().slice(0, 10);
    const at = (rows: typeof before, key: string) => rows.find((r) => r.day === today && r.key === key);
    const base = { svt: at(before, "SVT01"), hvt: at(before, "HVT00"), hnh: at(before, "HNH02") };
    await makeSigner(db(), dpaa.id, { state: "VT", zip: "05401", district: 0 });
    await makeSigner(db(), dpaa.id, { state: "VT", zip: "05602", district: 0 });
    await makeSigner(db(), dpaa.id, { state: "VT", zip: "05401", district: 0 }, { confirmed: false });
    await makeSigner(db(), dpaa.id, { state: "NH", zip: "03301", district: 2 });
    const list = await callList(dpaa.id, "05401");
    if (!list.ok) throw new Error(list.message);
    const report = { token: list.token, target: { officeCode: "SVT01", officialId: null } };
    await reportCall(dpaa.id, { ...report, outcome: "left_voicemail" }, "203.0.113.20");
    await reportCall(
      dpaa.id,
      { ...report, target: { officeCode: "HVT00", officialId: null }, outcome: "busy_no_answer" },
      "203.0.113.20",
    );
    const after = await callStats(dpaa.id, 30);
    const svt = at(after, "SVT01")!;
    expect(svt.office).toBe("Bernard Sanders (VT)");
    expect(svt.calls.left_voicemail).toBe((base.svt?.calls.left_voicemail ?? 0) + 1);
    expect(svt.signatures).toBe((base.svt?.signatures ?? 0) + 2);
    expect(at(after, "HVT00")!.calls.busy_no_answer).toBe((base.hvt?.calls.busy_no_answer ?? 0) + 1);
    expect(at(after, "HVT00")!.signatures).toBe((base.hvt?.signatures ?? 0) + 2);
    // New Hampshire's second district counts its own signer, not Vermont's.
    expect(at(after, "HNH02")!.signatures).toBe((base.hnh?.signatures ?? 0) + 1);
    expect(at(after, "SNH02") ?? at(after, "SNH03")).toBeTruthy();
  });
});
