import type { z } from "zod";
import { db, type Executor } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { findSettingValue, upsertSettingValue } from "./settings.queries.server";

/**
 * Thresholds and limits stored as data, not constants: each setting has a key, a Zod schema
 * and a default. A stored value that no longer fits its schema falls back to the default.
 */
export interface SettingDefinition<T> {
  key: string;
  schema: z.ZodType<T>;
  defaultValue: T;
  label: string;
}

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return definition;
}

export async function getSetting<T>(definition: SettingDefinition<T>, executor: Executor = db()): Promise<T> {
  const stored = await findSettingValue(executor, definition.key);
  if (stored === undefined) return definition.defaultValue;
  const parsed = definition.schema.safeParse(stored);
  return parsed.success ? parsed.data : definition.defaultValue;
}

export async function setSetting<T>(
  definition: SettingDefinition<T>,
  value: T,
  actorId: number | null,
): Promise<void> {
  const parsed = definition.schema.parse(value);
  await db()
    .transaction()
    .execute(async (trx) => {
      await upsertSettingValue(trx, definition.key, parsed);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "setting.update",
        subjectType: "setting",
        subjectId: definition.key,
        details: { value: parsed as unknown as Record<string, unknown> },
      });
    });
}
