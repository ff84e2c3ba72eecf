import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/** Records a provider event once per svix-id; returns false when it was already recorded. */
export async function insertEmailEvent(
  db: Executor,
  e: { svixId: string; type: string; providerEmailId: string | null; payload: Record<string, unknown> },
): Promise<boolean> {
  const row = await db
    .insertInto("emailEvents")
    .values({ ...e, payload: JSON.stringify(e.payload) })
    .onConflict((oc) => oc.column("svixId").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export type DeliveryFigure = "deliveredAt" | "openedAt" | "bouncedAt" | "complainedAt";

/** Stamps the first time something happened to a delivery (later repeats keep the first time). */
export async function stampDelivery(db: Executor, providerEmailId: string, figure: DeliveryFigure, at: Date) {
  await db
    .updateTable("deliveries")
    .set({ [figure]: sql`coalesce(${sql.ref(figure)}, ${at})` })
    .where("providerId", "=", providerEmailId)
    .execute();
}
