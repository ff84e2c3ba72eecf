import { db } from "~db/index.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { campaignTargetSeats, clearTargetRoster } from "~/modules/legislators/targets.server";
import { insertCampaignRule } from "~/modules/legislators/targets.queries.server";
import * as route from "~/routes/admin.campaigns.$id_.targets";
import { makeOrganizer, seedContent } from "../factories";
import { sessionCookieFor } from "../support/route-result";
import { callRouteRaw, form, post } from "../support/remix";
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
      expect.stringMatching(/SSAS17.*committee assignments for the 119th Congress are not yet published/),
    ]);
  });
});

describe("the targets editor (/admin/campaigns/:id/targets)", () => {
  it("editors add and remove rules; a bad or unknown committee is a 400 with the field; viewers cannot change them", async () => {
    const editor = await sessionCookieFor((await makeOrganizer("editor")).id);
    const viewer = await sessionCookieFor((await makeOrganizer("viewer")).id);
    const url = `/admin/campaigns/${campaignId}/targets`;
    const send = (cookie: string, values: Record<string, string>) =>
      callRouteRaw(route.action as never, post(url, form(values), { Cookie: cookie }), {
        id: String(campaignId),
      });

    const bad = (await send(editor, { kind: "committee", committeeId: "HSZZ", role: "all" })) as any;
    expect(bad.init.status).toBe(400);
    expect(bad.data.fields.committeeId).toMatch(/No committee has the id HSZZ/);
    const malformed = (await send(editor, { kind: "seat", office: "SVT9" })) as any;
    expect(malformed.data.fields.office).toMatch(/CWC office code/);

    const added = (await send(editor, {
      kind: "committee",
      committeeId: "hsas",
      role: "ranking",
    })) as Response;
    expect(added.status).toBe(302);
    const loaded = (await callRouteRaw(
      route.loader as never,
      new Request(`http://localhost${url}`, { headers: { Cookie: editor } }),
      {
        id: String(campaignId),
      },
    )) as any;
    const rule = loaded.rules.find((r: any) => r.label === "Committee HSAS: the ranking member");
    expect(rule).toBeTruthy();
    expect(
      loaded.today.seats.some((s: any) => s.committeeId === "HSAS" && s.committeeRole === "Ranking Member"),
    ).toBe(true);

    const refused = (await send(viewer, { intent: "remove", ruleId: String(rule.id) })) as Response;
    expect(refused.status).toBe(403);
    expect((await send(editor, { intent: "remove", ruleId: String(rule.id) })) as Response).toHaveProperty(
      "status",
      302,
    );
    const after = (await callRouteRaw(
      route.loader as never,
      new Request(`http://localhost${url}`, { headers: { Cookie: editor } }),
      {
        id: String(campaignId),
      },
    )) as any;
    expect(after.rules.some((r: any) => r.id === rule.id)).toBe(false);
    const audit = await db()
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "=", String(campaignId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["campaign.target_rule.add", "campaign.target_rule.remove"]),
    );
  });
});
