import { db } from "~db/index.server";
import type { ApiKeyScope } from "~db/schema";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { hashToken, randomToken } from "~/modules/security/secrets.server";
import {
  insertApiKey,
  listApiKeys as listApiKeysQuery,
  revokeApiKey as revokeQuery,
  useApiKey,
} from "./api-keys.queries.server";

const PREFIX = "bth_";

export function listApiKeys() {
  return listApiKeysQuery(db());
}

/** A new key: the token is returned once, to be shown once; only its hash is stored. */
export async function createApiKey(actorId: number, input: { name: string; scope: ApiKeyScope }) {
  const token = `${PREFIX}${randomToken()}`;
  return db()
    .transaction()
    .execute(async (trx) => {
      const key = await insertApiKey(trx, {
        name: input.name,
        scope: input.scope,
        tokenHash: hashToken(token),
        tokenHint: token.slice(0, PREFIX.length + 6),
        createdBy: actorId,
      });
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "api_key.create",
        subjectType: "api_key",
        subjectId: key.id,
        details: { name: key.name, scope: key.scope },
      });
      return { ...key, token };
    });
}

export async function revokeApiKey(actorId: number, keyId: number): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const key = await revokeQuery(trx, keyId);
      if (key)
        await insertAuditEntry(trx, {
          organizerId: actorId,
          action: "api_key.revoke",
          subjectType: "api_key",
          subjectId: key.id,
          details: { name: key.name },
        });
      return !!key;
    });
}

/** The scope of the key a request carries (header OSDI-API-Token or query osdi-api-token), or why not. */
export async function authenticateApiKey(
  request: Request,
): Promise<{ ok: true; scope: ApiKeyScope } | { ok: false; message: string }> {
  const token =
    request.headers.get("osdi-api-token") ?? new URL(request.url).searchParams.get("osdi-api-token");
  if (!token) return { ok: false, message: "Send an API key in the OSDI-API-Token header." };
  if (token.length > 200) return { ok: false, message: "That API key is not valid." };
  const key = await useApiKey(db(), hashToken(token));
  return key
    ? { ok: true, scope: key.scope }
    : { ok: false, message: "That API key is not valid or was revoked." };
}
