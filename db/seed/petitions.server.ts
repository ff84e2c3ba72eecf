import type { Trx } from "../index.server";
import { campaigns } from "./content";
import { seedPerCampaign } from "./per-campaign.server";
import type { SeedResult } from "./seed.server";

/** A petition for each seeded campaign that has none yet (never overwrites an edited one). */
export function seedPetitions(trx: Trx): Promise<SeedResult> {
  return seedPerCampaign(trx, campaigns, async (campaignId, c) => {
    const row = await trx
      .insertInto("petitions")
      .values({
        campaignId,
        ask: c.petition.ask,
        goal: c.petition.goal,
        deadline: c.petition.deadline,
        requiresConfirmation: true,
      })
      .onConflict((oc) => oc.column("campaignId").doNothing())
      .returning("id")
      .executeTakeFirst();
    return Boolean(row);
  });
}
