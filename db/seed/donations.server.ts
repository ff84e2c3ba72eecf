import type { Trx } from "../index.server";
import { seedPerCampaign } from "./per-campaign.server";
import type { SeedResult } from "./seed.server";

/** Campaigns that take gifts in the seed, with their goals (whole cents). */
export const seedDonationGoals: Array<{ slug: string; goalCents: number }> = [
  { slug: "ask-moscow-beijing", goalCents: 5_000_000 },
  { slug: "release-the-files", goalCents: 2_500_000 },
];

/** Gives the seeded campaigns a donation fund; never touches a fund that exists. */
export function seedDonationFunds(trx: Trx): Promise<SeedResult> {
  return seedPerCampaign(trx, seedDonationGoals, async (campaignId, goal) => {
    const row = await trx
      .insertInto("donationFunds")
      .values({ campaignId, goalCents: goal.goalCents })
      .onConflict((oc) => oc.column("campaignId").doNothing())
      .returning("campaignId")
      .executeTakeFirst();
    return Boolean(row);
  });
}
