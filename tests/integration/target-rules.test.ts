import { db } from "~db/index.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { campaignTargetSeats, clearTargetRoster } from "~/modules/legislators/targets.server";
import { insertCampaignRule } from "~/modules/legislators/targets.queries.server";
import { seedContent } from "../factories";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

let campaignId = 0;
beforeAll(async () => {
  await seedContent();
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearTargetRoster();
  campaignId = (
    await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow()
  ).id;
});

describe("campaign targets as rules", () => {
  it("the seeded DPAA campaign: the writer's three members, then HSAS02 and SSAS17, and the official", async () => {
    const { seats, officials, notices } = await campaignTargetSeats(campaignId, { state: "VT", district: 0 });
    expect(notices).toEqual([]);
    expect(seats.slice(0, 3).map((s) => [s.office, s.rule, s.constituent])).toEqual([
      ["SVT01", "senate", true],
      ["SVT03", "senate", true],
      ["HVT00", "house", true],
    ]);
    const hsas02 = seats.filter((s) => s.committeeId === "HSAS02");
    const ssas17 = seats.filter((s) => s.committeeId === "SSAS17");
    expect(hsas02.length).toBeGreaterThanOrEqual(13);
    expect(ssas17.length).toBeGreaterThanOrEqual(10);
    expect(hsas02.find((s) => s.bioguide === "F000246")).toMatchObject({
      office: "HTX04",
      committeeRole: "Chairman",
      constituent: false,
    });
    expect(officials.length).toBeGreaterThanOrEqual(1);
  });

  it("without a writer (a preview or a call list): the committee members only; roles pick the chair or ranking member", async () => {
    const { seats } = await campaignTargetSeats(campaignId, null);
    expect(seats.every((s) => s.rule === "committee")).toBe(true);
    const other = (
      await db()
        .insertInto("campaigns")
        .values({
          slug: `rules-${Date.now()}`,
          title: "Rules",
          summary: "s",
          bodyMd: "b",
          targetSummary: "t",
          status: "draft",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const rule = (kind: "seat" | "delegation" | "committee", v: Record<string, string>) =>
      insertCampaignRule(db(), {
        campaignId: other,
        kind,
        office: v.office ?? null,
        state: v.state ?? null,
        committeeId: v.committeeId ?? null,
        role: (v.role as "all") ?? "all",
      });
    await rule("committee", { committeeId: "HSAS02", role: "chair" });
    await rule("committee", { committeeId: "SSAS17", role: "ranking" });
    await rule("seat", { office: "SVT01" });
    await rule("delegation", { state: "DE" });
    expect(await rule("seat", { office: "SVT01" })).toBe(false); // the same rule once
    const { seats: picked } = await campaignTargetSeats(other, null);
    expect(picked.map((s) => `${s.rule}:${s.office}:${s.committeeRole ?? ""}`)).toEqual([
      "committee:HTX04:Chairman",
      expect.stringMatching(/^committee:S[A-Z]{2}0\d:Ranking Member$/),
      "seat:SVT01:",
      "delegation:SDE01:",
      "delegation:SDE02:",
      "delegation:HDE00:",
    ]);
  });

  it("a committee emptied upstream says its assignments are not yet published and targets nobody", async () => {
    await db().deleteFrom("committeeMembers").where("committeeId", "=", "SSAS17").execute();
    clearTargetRoster();
    const { seats, notices } = await campaignTargetSeats(campaignId, { state: "VT", district: 0 });
    expect(seats.some((s) => s.committeeId === "SSAS17")).toBe(false);
    expect(notices).toEqual([
      expect.stringMatching(/SSAS17.*committee assignments for this Congress are not yet published/),
    ]);
  });
});
