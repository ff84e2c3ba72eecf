import type { Executor } from "~db/index.server";

export async function findSettingValue(db: Executor, key: string): Promise<unknown | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function upsertSettingValue(db: Executor, key: string, value: unknown) {
  await db
    .insertInto("settings")
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(value), updatedAt: new Date() }))
    .execute();
}
