import { db } from "~db/index.server";
import { runSeed } from "~db/seed/seed.server";
import { availableTransitions } from "~/modules/campaigns/campaigns";
import {
  createCampaign,
  getPublicCampaign,
  listLiveCampaigns,
  transitionCampaign,
  updateCampaign,
} from "~/modules/campaigns/campaigns.server";
import { findCases, getPublicCase } from "~/modules/cases/cases.server";
import { makeOrganizer } from "../factories";

const form = {
  slug: "new-campaign",
  title: "A new campaign title",
  summary: "A summary long enough.",
  bodyMd: "## Why\n\n<script>alert(1)</script>Text",
  targetSummary: "Congress",
  chambers: ["senate" as const],
  officials: ["president"],
};

describe("seed content", () => {
  it("loads three campaigns and nine case files, and a second run changes nothing", async () => {
    const first = await runSeed(db());
    expect(first.created).toBeGreaterThanOrEqual(3 + 9);
    const second = await runSeed(db());
    expect(second.created).toBe(0);
    const live = await listLiveCampaigns();
    expect(live.map((c) => c.slug).sort()).toEqual([
      "ask-moscow-beijing",
      "dpaa-director",
      "release-the-files",
    ]);
    const cases = await db().selectFrom("cases").select("slug").execute();
    expect(cases).toHaveLength(9);
  });

  it("finds case files by partial name with full-text search", async () => {
    const byName = await findCases({ q: "desaut" });
    expect(byName.map((c) => c.slug)).toEqual(["richard-desautels"]);
    const byWords = await findCases({ q: "Ishida" });
    expect(byWords.map((c) => c.slug)).toContain("ashley-five");
    expect(await findCases({ q: "zzzznotaname" })).toEqual([]);
    expect(await findCases({ q: "'&|!(" })).toHaveLength(9);
  });

  it("shows a case with its timeline and related campaigns", async () => {
    const c = await getPublicCase("richard-desautels");
    expect(c?.facts.length).toBeGreaterThan(0);
    expect(c?.campaigns.length).toBeGreaterThan(0);
  });
});

describe("campaign editing", () => {
  it("creates a draft hidden from the public, publishes it, and audits each step", async () => {
    const editor = await makeOrganizer("editor");
    const created = await createCampaign(editor.id, form);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await getPublicCampaign("new-campaign")).toBeNull();
    expect((await createCampaign(editor.id, form)).ok).toBe(false);

    const published = await transitionCampaign(editor.id, created.id, "publish");
    expect(published).toEqual({ ok: true, status: "live" });
    const again = await transitionCampaign(editor.id, created.id, "publish");
    expect(again.ok).toBe(false);

    const page = await getPublicCampaign("new-campaign");
    expect(page?.bodyHtml).toContain("<h2>Why</h2>");
    expect(page?.bodyHtml).not.toContain("<script");
    expect(page?.targets.map((t) => t.kind).sort()).toEqual(["official", "senate"]);
    expect(availableTransitions(page!.status)).toContain("mark-won");

    const audit = await db()
      .selectFrom("auditLog")
      .select("action")
      .where("subjectId", "=", String(created.id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["campaign.create", "campaign.publish"]);
  });

  it("refuses a slug already taken by another campaign when editing", async () => {
    const editor = await makeOrganizer("editor");
    const a = await createCampaign(editor.id, { ...form, slug: "slug-a" });
    await createCampaign(editor.id, { ...form, slug: "slug-b" });
    if (!a.ok) throw new Error("setup");
    const result = await updateCampaign(editor.id, a.id, { ...form, slug: "slug-b" });
    expect(result).toEqual({ ok: false, fields: { slug: "Another campaign already uses this slug." } });
  });
});
