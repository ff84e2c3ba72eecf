import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { hashPassword, verifyPassword } from "./password.server";
import { checkThrottle, pruneLoginAttempts, recordAttempt, throttleKeys } from "./login-throttle.server";
import {
  countOrganizers as countOrganizersQuery,
  deleteSessionsOfOrganizer,
  findOrganizerByEmail,
  findOrganizerCredentials,
  insertOrganizer,
  listOrganizers as listOrganizersQuery,
  setOrganizerDisabled,
  touchOrganizerLogin,
  updateOrganizerPassword,
  updateOrganizerRole,
} from "./organizers.queries.server";
import type { DB } from "~db/index.server";

export { LOGIN_LIMITS } from "./login-throttle.server";

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
    const row = await insertOrganizer(trx, {
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      passwordHash,
    });
    if (!row) return { ok: false, reason: "email_taken" } as const;
    await insertAuditEntry(trx, {
      organizerId: actorId,
      action: "organizer.create",
      subjectType: "organizer",
      subjectId: row.id,
      details: { email: row.email, role: row.role },
    });
    return { ok: true, id: row.id } as const;
  });
}

export type LoginResult =
  | { ok: true; organizerId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a password under the sign-in throttle (see login-throttle.server.ts). The answer and
 * its timing are the same whether or not the account exists: unknown accounts are throttled
 * like real ones and checked against a dummy hash. `knownOrganizerIds` are the accounts this
 * browser has signed in to before; they pass an account-wide lock, never the IP or pair limits.
 */
export async function authenticate(
  email: string,
  password: string,
  ip: string,
  knownOrganizerIds: number[] = [],
): Promise<LoginResult> {
  const keys = throttleKeys(email, ip);
  const organizer = await findOrganizerByEmail(db(), email.trim());
  const knownDevice = organizer !== undefined && knownOrganizerIds.includes(organizer.id);
  const verdict = await checkThrottle(db(), keys, knownDevice);
  // Throttled: answered before any argon2 work, and not recorded (a lock is not renewed by knocking).
  if (verdict.throttled)
    return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  const valid = await verifyPassword(
    organizer && !organizer.disabledAt ? organizer.passwordHash : null,
    password,
  );
  await recordAttempt(db(), keys, valid && organizer !== undefined);
  if (!valid || !organizer) return { ok: false, reason: "invalid" };
  await touchOrganizerLogin(db(), organizer.id);
  return { ok: true, organizerId: organizer.id };
}

/** The prune_login_attempts cron task; returns how many rows went. */
export function pruneOldLoginAttempts(database: DB = db()): Promise<number> {
  return pruneLoginAttempts(database);
}

export async function changeRole(actorId: number, organizerId: number, role: OrganizerRole) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await updateOrganizerRole(trx, organizerId, role);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "organizer.role",
        subjectType: "organizer",
        subjectId: organizerId,
        details: { role },
      });
    });
}

export async function disableOrganizer(actorId: number, organizerId: number, disabled: boolean) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await setOrganizerDisabled(trx, organizerId, disabled);
      if (disabled) await deleteSessionsOfOrganizer(trx, organizerId);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: disabled ? "organizer.disable" : "organizer.enable",
        subjectType: "organizer",
        subjectId: organizerId,
      });
    });
}

/** Changing a password ends every other session of that organizer. */
export async function changePassword(
  organizerId: number,
  currentSessionId: string,
  current: string,
  next: string,
): Promise<boolean> {
  const organizer = await findOrganizerCredentials(db(), organizerId);
  if (!organizer || !(await verifyPassword(organizer.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db()
    .transaction()
    .execute(async (trx) => {
      await updateOrganizerPassword(trx, organizerId, passwordHash);
      await deleteSessionsOfOrganizer(trx, organizerId, currentSessionId);
      await insertAuditEntry(trx, {
        organizerId,
        action: "organizer.password",
        subjectType: "organizer",
        subjectId: organizerId,
      });
    });
  return true;
}
