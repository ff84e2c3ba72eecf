import type { Trx } from "../index.server";
import type { SeedResult } from "./seed.server";

/**
 * A seed step that adds one row per seeded campaign (found by slug; a campaign not in the
 * database is skipped): `insert` adds the row unless it exists and says whether it did.
 */
export async function seedPerCampaign<T extends { slug: string }>(
  trx: Trx,
  items: readonly T[],
  insert: (campaignId: number, item: T) => Promise<boolean>,
): Promise<SeedResult> {
  let created = 0;
  for (const item of items) {
    const campaign = await trx
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", item.slug)
      .executeTakeFirst();
    if (campaign && (await insert(campaign.id, item))) created++;
  }
  return { created, unchanged: items.length - created };
}
