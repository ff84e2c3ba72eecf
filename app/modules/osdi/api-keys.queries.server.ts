import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { ApiKeyScope } from "~db/schema";

export async function insertApiKey(
  db: Executor,
  key: { name: string; scope: ApiKeyScope; tokenHash: string; tokenHint: string; createdBy: number },
) {
  return db.insertInto("apiKeys").values(key).returning(["id", "name", "scope"]).executeTakeFirstOrThrow();
}

export function listApiKeys(db: Executor) {
  return db
    .selectFrom("apiKeys")
    .leftJoin("organizers", "organizers.id", "apiKeys.createdBy")
    .select([
      "apiKeys.id",
      "apiKeys.name",
      "apiKeys.scope",
      "apiKeys.tokenHint",
      "apiKeys.createdAt",
      "apiKeys.lastUsedAt",
      "apiKeys.revokedAt",
      "organizers.name as createdByName",
    ])
    .orderBy("apiKeys.revokedAt", (o) => o.desc().nullsFirst())
    .orderBy("apiKeys.id", "desc")
    .execute();
}

export function revokeApiKey(db: Executor, id: number) {
  return db
    .updateTable("apiKeys")
    .set({ revokedAt: sql`now()` })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .returning(["id", "name"])
    .executeTakeFirst();
}

/** The live key with this hash; its last use is stamped at most once a minute. */
export async function useApiKey(db: Executor, tokenHash: string) {
  const key = await db
    .selectFrom("apiKeys")
    .select(["id", "scope", "lastUsedAt"])
    .where("tokenHash", "=", tokenHash)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  if (key && (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000))
    await db.updateTable("apiKeys").set({ lastUsedAt: sql`now()` }).where("id", "=", key.id).execute();
  return key;
}
