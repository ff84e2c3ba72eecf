import type { Trx } from "../index.server";
import { seedPerCampaign } from "./per-campaign.server";
import type { SeedResult } from "./seed.server";

/**
 * Committee targets of the seeded campaigns, besides the writer's own members: the DPAA campaign
 * goes to the subcommittees that oversee the agency, House Armed Services Military Personnel
 * (HSAS02) and Senate Armed Services Personnel (SSAS17).
 */
const rules = [
  { slug: "dpaa-director", committeeId: "HSAS02" },
  { slug: "dpaa-director", committeeId: "SSAS17" },
] as const;

export function seedTargetRules(trx: Trx): Promise<SeedResult> {
  return seedPerCampaign(trx, rules, async (campaignId, r) => {
    const row = await trx
      .insertInto("campaignTargetRules")
      .values({
        campaignId,
        kind: "committee",
        committeeId: r.committeeId,
        office: null,
        state: null,
        role: "all",
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    return Boolean(row);
  });
}
