import { db } from "~db/index.server";
import type { StatementPosition } from "~db/schema";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { targetKey } from "~/modules/statements/positions.server";
import { POSITIONS } from "~/modules/statements/statements";
import { everyTargetOffice } from "~/modules/statements/statements.server";
import { scriptFor } from "./calls";
import {
  deleteScriptOverride,
  listCallScripts,
  listScriptOverrides,
  upsertCallScripts,
  upsertScriptOverride,
} from "./calls.queries.server";

/* Call scripts: one per position for the campaign, and per official and position where the organizer wrote one. */

export async function callScriptsFor(campaignId: number) {
  const rows = await listCallScripts(db(), campaignId);
  return Object.fromEntries(
    POSITIONS.map((p) => [p, rows.find((r) => r.position === p)?.script ?? ""]),
  ) as Record<StatementPosition, string>;
}

/** The scripts written for one official (`key`: office code or `official:<id>`). */
export async function scriptOverridesFor(campaignId: number) {
  return (await listScriptOverrides(db(), campaignId)).map((o) => ({ ...o, key: targetKey(o) }));
}

/** Everything a call list or an email needs to pick the script of each official. */
export async function scriptBook(campaignId: number) {
  const [scripts, overrides] = await Promise.all([
    callScriptsFor(campaignId),
    scriptOverridesFor(campaignId),
  ]);
  return (key: string, position: StatementPosition) => scriptFor(scripts, overrides, key, position);
}

/** The script for one official and position (null when none is written). */
export async function getCallScript(
  campaignId: number,
  key: string,
  position: StatementPosition,
): Promise<string | null> {
  return (await scriptBook(campaignId))(key, position) || null;
}

export async function saveCallScripts(
  organizerId: number,
  campaignId: number,
  scripts: Record<StatementPosition, string>,
) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await upsertCallScripts(
        trx,
        campaignId,
        organizerId,
        POSITIONS.map((position) => ({ position, script: scripts[position] })),
      );
      await insertAuditEntry(trx, {
        organizerId,
        action: "call-scripts.update",
        subjectType: "campaign",
        subjectId: campaignId,
      });
    });
}

/** Writes (or replaces) the script for one official and position; the target must be one of the campaign's. */
export async function saveScriptOverride(
  organizerId: number,
  campaignId: number,
  form: {
    target: { officeCode: string | null; officialId: number | null };
    position: StatementPosition;
    script: string;
  },
): Promise<{ ok: true } | { ok: false; fields: Record<string, string> }> {
  const offices = await everyTargetOffice(campaignId);
  if (!offices.some((o) => o.key === targetKey(form.target)))
    return { ok: false, fields: { target: "That office is not a target of this campaign." } };
  await db()
    .transaction()
    .execute(async (trx) => {
      await upsertScriptOverride(trx, {
        campaignId,
        ...form.target,
        position: form.position,
        script: form.script,
        updatedBy: organizerId,
      });
      await insertAuditEntry(trx, {
        organizerId,
        action: "call-scripts.override",
        subjectType: "campaign",
        subjectId: campaignId,
        details: { target: targetKey(form.target), position: form.position },
      });
    });
  return { ok: true };
}

export async function removeScriptOverride(organizerId: number, campaignId: number, id: number) {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await deleteScriptOverride(trx, campaignId, id))) return false;
      await insertAuditEntry(trx, {
        organizerId,
        action: "call-scripts.override-remove",
        subjectType: "campaign",
        subjectId: campaignId,
        details: { override: id },
      });
      return true;
    });
}
