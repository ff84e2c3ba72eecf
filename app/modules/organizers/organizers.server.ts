import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { hashPassword, verifyPassword } from "./password.server";
import {
  countOrganizers as countOrganizersQuery,
  countRecentFailures,
  deleteSessionsOfOrganizer,
  findOrganizerByEmail,
  findOrganizerCredentials,
  insertLoginAttempt,
  insertOrganizer,
  listOrganizers as listOrganizersQuery,
  setOrganizerDisabled,
  touchOrganizerLogin,
  updateOrganizerPassword,
  updateOrganizerRole,
} from "./organizers.queries.server";
import type { DB } from "~db/index.server";

export const LOGIN_LIMITS = { perAccount: 5, perIp: 20, windowMinutes: 15 };

export function countOrganizers(database: DB = db()) {
  return countOrganizersQuery(database);
}

export function listOrganizers() {
  return listOrganizersQuery(db());
}

export type CreateOrganizerResult = { ok: true; id: number } | { ok: false; reason: "email_taken" };

export async function createOrganizer(
  input: { email: string; name: string; role: OrganizerRole; password: string },
  actorId: number | null,
  database: DB = db(),
): Promise<CreateOrganizerResult> {
  const passwordHash = await hashPassword(input.password);
  return database.transaction().execute(async (trx) => {
    const row = await insertOrganizer(trx, { email: input.email.trim(), name: input.name.trim(), role: input.role, passwordHash });
    if (!row) return { ok: false, reason: "email_taken" } as const;
    await insertAuditEntry(trx, { organizerId: actorId, action: "organizer.create", subjectType: "organizer", subjectId: row.id, details: { email: row.email, role: row.role } });
    return { ok: true, id: row.id } as const;
  });
}

export type LoginResult = { ok: true; organizerId: number } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks a password with throttling per account and per IP. The answer and its timing are the
 * same whether or not the account exists.
 */
export async function authenticate(email: string, password: string, ip: string): Promise<LoginResult> {
  const keys = [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const failures = await countRecentFailures(db(), keys, since);
  const organizer = await findOrganizerByEmail(db(), email.trim());
  const throttled = (failures[keys[0]] ?? 0) >= LOGIN_LIMITS.perAccount || (failures[keys[1]] ?? 0) >= LOGIN_LIMITS.perIp;
  // Always verify, even when throttled or the account is missing, so timing reveals nothing.
  const valid = await verifyPassword(organizer && !organizer.disabledAt ? organizer.passwordHash : null, password);
  if (throttled) {
    await insertLoginAttempt(db(), keys, false);
    return { ok: false, reason: "throttled" };
  }
  await insertLoginAttempt(db(), keys, valid);
  if (!valid || !organizer) return { ok: false, reason: "invalid" };
  await touchOrganizerLogin(db(), organizer.id);
  return { ok: true, organizerId: organizer.id };
}

export async function changeRole(actorId: number, organizerId: number, role: OrganizerRole) {
  await db().transaction().execute(async (trx) => {
    await updateOrganizerRole(trx, organizerId, role);
    await insertAuditEntry(trx, { organizerId: actorId, action: "organizer.role", subjectType: "organizer", subjectId: organizerId, details: { role } });
  });
}

export async function disableOrganizer(actorId: number, organizerId: number, disabled: boolean) {
  await db().transaction().execute(async (trx) => {
    await setOrganizerDisabled(trx, organizerId, disabled);
    if (disabled) await deleteSessionsOfOrganizer(trx, organizerId);
    await insertAuditEntry(trx, { organizerId: actorId, action: disabled ? "organizer.disable" : "organizer.enable", subjectType: "organizer", subjectId: organizerId });
  });
}

/** Changing a password ends every other session of that organizer. */
export async function changePassword(organizerId: number, currentSessionId: string, current: string, next: string): Promise<boolean> {
  const organizer = await findOrganizerCredentials(db(), organizerId);
  if (!organizer || !(await verifyPassword(organizer.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db().transaction().execute(async (trx) => {
    await updateOrganizerPassword(trx, organizerId, passwordHash);
    await deleteSessionsOfOrganizer(trx, organizerId, currentSessionId);
    await insertAuditEntry(trx, { organizerId, action: "organizer.password", subjectType: "organizer", subjectId: organizerId });
  });
  return true;
}
