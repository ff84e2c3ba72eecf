import type { Trx } from "../index.server";
import { campaigns } from "./content";
import type { SeedResult } from "./seed.server";

/** A petition for each seeded campaign that has none yet (never overwrites an edited one). */
export async function seedPetitions(trx: Trx): Promise<SeedResult> {
  let created = 0;
  for (const c of campaigns) {
    const campaign = await trx.selectFrom("campaigns").select("id").where("slug", "=", c.slug).executeTakeFirst();
    if (!campaign) continue;
    const row = await trx
      .insertInto("petitions")
      .values({ campaignId: campaign.id, ask: c.petition.ask, goal: c.petition.goal, deadline: c.petition.deadline, requiresConfirmation: true })
      .onConflict((oc) => oc.column("campaignId").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) created++;
  }
  return { created, unchanged: campaigns.length - created };
}
