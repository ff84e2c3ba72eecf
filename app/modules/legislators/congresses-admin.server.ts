import { db } from "~db/index.server";
import { now } from "~/lib/clock.server";
import { congressAt } from "./congress.server";
import { listCampaignsWithCommitteeRules, listCongressSummaries } from "./congress.queries.server";
import { campaignTargetSeats } from "./targets.server";

/*
 * /admin/congresses: the Congresses stored, the one in force, the moment of the next switch, and
 * what organizers must know about their committee targets under each (an empty roster says its
 * assignments are not yet published, and nobody is written to through it).
 */
export async function congressesOverview(at: Date = now()) {
  const [summaries, inForce, campaigns] = await Promise.all([
    listCongressSummaries(db()),
    congressAt(at),
    listCampaignsWithCommitteeRules(db()),
  ]);
  const next = summaries.find((s) => new Date(s.takesEffectAt).getTime() > at.getTime()) ?? null;
  const shown = summaries.filter((s) => s.number === inForce || s.number === next?.number);
  const notices: Array<{ congress: number; campaignId: number; title: string; notice: string }> = [];
  for (const s of shown) {
    const instant = s.number === inForce ? at : new Date(s.takesEffectAt);
    for (const c of campaigns) {
      const { notices: said } = await campaignTargetSeats(c.id, null, instant);
      for (const notice of said)
        notices.push({ congress: s.number, campaignId: c.id, title: c.title, notice });
    }
  }
  return {
    at: at.toISOString(),
    inForce,
    switchAt: next ? new Date(next.takesEffectAt).toISOString() : null,
    congresses: shown.map((s) => ({
      ...s,
      takesEffectAt: new Date(s.takesEffectAt).toISOString(),
      importedAt: s.importedAt ? new Date(s.importedAt).toISOString() : null,
      state: s.number === inForce ? ("in force" as const) : ("next" as const),
    })),
    notices,
  };
}
