import { createElement } from "react";
import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { OrganizerInvitationEmail } from "~emails/organizer-invitation";
import { PasswordResetEmail } from "~emails/password-reset";
import { appUrl } from "~/env.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { addJob } from "~/modules/jobs/jobs.queries.server";
import { orgProps, queueEmail, renderEmail, secretPlaceholder } from "~/modules/mail/mail.server";
import { hashToken, randomToken } from "~/modules/security/secrets.server";
import { liftAccountLock } from "./login-throttle.server";
import { hashPassword } from "./password.server";
import {
  deleteSessionsOfOrganizer,
  findOrganizerByEmail,
  findOrganizerById,
  insertOrganizer,
  updateOrganizerPassword,
} from "./organizers.queries.server";
import {
  claimToken,
  countRecentTokens,
  findUsableToken,
  insertOrganizerToken,
  listPendingInvitations,
  retireTokens,
} from "./tokens.queries.server";

export const RESET_MINUTES = 30;
export const INVITATION_DAYS = 7;
/** At most this many reset emails per address per hour (a mail-bombing brake). */
const RESETS_PER_HOUR = 3;

/** Tokens are random; only their SHA-256 is stored, so a database leak opens no account. */
function newToken() {
  const token = randomToken();
  return { token, hash: hashToken(token) };
}

/** The request at /admin/forgot: always the same answer and the same work, whether or not the account exists. */
export async function requestPasswordReset(email: string): Promise<void> {
  await addJob(db(), "send_password_reset", { email: email.trim() }, { maxAttempts: 5 });
}

/** The send_password_reset job: a token and an email only for an active organizer. */
export async function sendPasswordReset(email: string): Promise<"sent" | "no-account" | "throttled"> {
  const organizer = await findOrganizerByEmail(db(), email);
  if (!organizer || organizer.disabledAt) return "no-account";
  if (
    (await countRecentTokens(db(), "password_reset", organizer.email, new Date(Date.now() - 3_600_000))) >=
    RESETS_PER_HOUR
  )
    return "throttled";
  const { token, hash } = newToken();
  // The stored email carries a placeholder; the link is filled in only in the message as sent.
  const placeholder = secretPlaceholder("reset token");
  const { html, text } = await renderEmail(
    createElement(PasswordResetEmail, {
      ...orgProps(),
      name: organizer.name,
      resetUrl: `${appUrl()}/admin/reset/${placeholder}`,
      expiresInMinutes: RESET_MINUTES,
    }),
  );
  await db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertOrganizerToken(trx, {
        purpose: "password_reset",
        tokenHash: hash,
        organizerId: organizer.id,
        email: organizer.email,
        name: null,
        role: null,
        createdBy: null,
        expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
      });
      await queueEmail(trx, {
        kind: "password-reset",
        to: organizer.email,
        subject: "Reset your organizer password",
        html,
        text,
        idempotencyKey: `password-reset:${row.id}`,
        secrets: { [placeholder]: token },
      });
    });
  return "sent";
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  return (await findUsableToken(db(), "password_reset", hashToken(token))) !== undefined;
}

/** Sets the new password, uses the token up, retires other reset links, ends every session and lifts a sign-in lock. */
export async function resetPassword(
  token: string,
  password: string,
): Promise<{ ok: true; organizerId: number } | { ok: false }> {
  const passwordHash = await hashPassword(password);
  return db()
    .transaction()
    .execute(async (trx) => {
      const claimed = await claimToken(trx, "password_reset", hashToken(token));
      if (!claimed?.organizerId) return { ok: false } as const;
      await updateOrganizerPassword(trx, claimed.organizerId, passwordHash);
      await deleteSessionsOfOrganizer(trx, claimed.organizerId);
      await retireTokens(trx, "password_reset", claimed.email);
      await liftAccountLock(trx, claimed.email);
      await insertAuditEntry(trx, {
        organizerId: claimed.organizerId,
        action: "organizer.password_reset",
        subjectType: "organizer",
        subjectId: claimed.organizerId,
      });
      return { ok: true, organizerId: claimed.organizerId } as const;
    });
}

export type InviteResult = { ok: true } | { ok: false; fields: Record<string, string> };

/** An owner invites someone by email; a new invitation to the same address replaces the old one. */
export async function inviteOrganizer(
  actorId: number,
  input: { email: string; name: string; role: OrganizerRole },
): Promise<InviteResult> {
  if (await findOrganizerByEmail(db(), input.email))
    return { ok: false, fields: { email: "An organizer with this email already exists." } };
  const actor = await findOrganizerById(db(), actorId);
  const { token, hash } = newToken();
  const placeholder = secretPlaceholder("invitation token");
  const { html, text } = await renderEmail(
    createElement(OrganizerInvitationEmail, {
      ...orgProps(),
      name: input.name,
      invitedBy: actor?.name ?? "An organizer",
      role: input.role,
      acceptUrl: `${appUrl()}/admin/invitation/${placeholder}`,
      expiresInDays: INVITATION_DAYS,
    }),
  );
  await db()
    .transaction()
    .execute(async (trx) => {
      await retireTokens(trx, "invitation", input.email);
      const row = await insertOrganizerToken(trx, {
        purpose: "invitation",
        tokenHash: hash,
        organizerId: null,
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        createdBy: actorId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      await queueEmail(trx, {
        kind: "organizer-invitation",
        to: input.email.trim(),
        subject: `You are invited to organize with ${orgProps().orgName}`,
        html,
        text,
        idempotencyKey: `organizer-invitation:${row.id}`,
        secrets: { [placeholder]: token },
      });
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "organizer.invite",
        subjectType: "invitation",
        subjectId: row.id,
        details: { email: input.email, role: input.role },
      });
    });
  return { ok: true };
}

export async function findInvitation(token: string) {
  return findUsableToken(db(), "invitation", hashToken(token));
}

export function pendingInvitations() {
  return listPendingInvitations(db());
}

export type AcceptResult =
  | { ok: true; organizerId: number }
  | { ok: false; reason: "invalid" | "email_taken" };

/** Accepting creates the account with the chosen password; the link works once. */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
): Promise<AcceptResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db()
      .transaction()
      .execute(async (trx) => {
        const claimed = await claimToken(trx, "invitation", hashToken(token));
        if (!claimed?.role) return { ok: false, reason: "invalid" } as const;
        const row = await insertOrganizer(trx, {
          email: claimed.email,
          name: input.name.trim(),
          role: claimed.role,
          passwordHash,
        });
        if (!row) throw new EmailTaken();
        await insertAuditEntry(trx, {
          organizerId: row.id,
          action: "organizer.accept_invitation",
          subjectType: "organizer",
          subjectId: row.id,
          details: { invitedBy: claimed.createdBy, role: claimed.role },
        });
        return { ok: true, organizerId: row.id } as const;
      });
  } catch (error) {
    if (error instanceof EmailTaken) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

class EmailTaken extends Error {}
