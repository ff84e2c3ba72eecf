import type { Trx } from "../index.server";
import type { SeedResult } from "./seed.server";

/** Campaigns that take gifts in the seed, with their goals (whole cents). */
export const seedDonationGoals: Array<{ slug: string; goalCents: number }> = [
  { slug: "ask-moscow-beijing", goalCents: 5_000_000 },
  { slug: "release-the-files", goalCents: 2_500_000 },
];

/** Gives the seeded campaigns a donation fund; never touches a fund that exists. */
export async function seedDonationFunds(trx: Trx): Promise<SeedResult> {
  let created = 0;
  for (const goal of seedDonationGoals) {
    const campaign = await trx.selectFrom("campaigns").select("id").where("slug", "=", goal.slug).executeTakeFirst();
    if (!campaign) continue;
    const row = await trx
      .insertInto("donationFunds")
      .values({ campaignId: campaign.id, goalCents: goal.goalCents })
      .onConflict((oc) => oc.column("campaignId").doNothing())
      .returning("campaignId")
      .executeTakeFirst();
    if (row) created++;
  }
  return { created, unchanged: seedDonationGoals.length - created };
}
