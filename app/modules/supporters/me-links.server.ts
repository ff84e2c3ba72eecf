import { createElement } from "react";
import { db } from "~db/index.server";
import type { SupporterLinkPurpose } from "~db/schema";
import { SupporterLinkEmail } from "~emails/supporter-link";
import { appUrl } from "~/env.server";
import { addJob } from "~/modules/jobs/jobs.queries.server";
import { orgProps, queueEmail, renderEmail, secretPlaceholder } from "~/modules/mail/mail.server";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { allowPublicMailTo } from "~/modules/security/recipient-limit.server";
import { hashToken, randomToken } from "~/modules/security/secrets.server";
import { canonicalEmail } from "./supporters";
import {
  claimLink,
  countRecentLinks,
  findSupporterByCanonicalEmail,
  findUsableLink,
  insertSupporterLink,
  isEmailTaken,
  retireLinks,
  updateSupporterEmail,
} from "./links.queries.server";
import { findSupporterRow } from "./record.queries.server";

/** How long a link to /me (or to confirm a new address) works. */
export const ME_LINK_HOURS = 24;
/** At most this many links to one supporter per hour, whoever asks. */
const LINKS_PER_HOUR = 3;

export const meLinkRateLimit = defineRateLimit("me-link", "Requests for a supporter page link per visitor", {
  max: 10,
  windowSeconds: 3600,
});

export type MeLinkRequest = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The form at /me: the same answer and the same work (one job) whether or not the address is
 * known; the job decides. Limited per visitor here and per supporter and inbox in the job.
 */
export async function requestMeLink(email: string, clientIp: string): Promise<MeLinkRequest> {
  const limit = await hitRateLimit(meLinkRateLimit, clientIp);
  if (!limit.ok) return limit;
  await addJob(db(), "send_supporter_link", { email: email.trim() }, { maxAttempts: 5 });
  return { ok: true };
}

async function sendLink(
  supporter: { id: number; firstName: string },
  to: string,
  purpose: SupporterLinkPurpose,
  newEmail: string | null,
): Promise<void> {
  const token = randomToken();
  const placeholder = secretPlaceholder(purpose === "me" ? "me token" : "email change token");
  const path = purpose === "me" ? "/me" : "/me/confirm-email";
  const { html, text } = await renderEmail(
    createElement(SupporterLinkEmail, {
      ...orgProps(),
      name: supporter.firstName,
      url: `${appUrl()}${path}/${placeholder}`,
      purpose,
      expiresInHours: ME_LINK_HOURS,
    }),
  );
  await db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertSupporterLink(trx, {
        supporterId: supporter.id,
        purpose,
        tokenHash: hashToken(token),
        newEmail,
        expiresAt: new Date(Date.now() + ME_LINK_HOURS * 3_600_000),
      });
      await queueEmail(trx, {
        kind: purpose === "me" ? "supporter-link" : "supporter-email-change",
        to,
        subject: purpose === "me" ? "Your supporter page" : "Confirm your new email address",
        html,
        text,
        idempotencyKey: `supporter-link:${row.id}`,
        secrets: { [placeholder]: token },
      });
    });
}

/** The send_supporter_link job: a link only to a known supporter, within the limits. */
export async function sendMeLink(email: string): Promise<"sent" | "unknown" | "throttled"> {
  const supporter = await findSupporterByCanonicalEmail(db(), canonicalEmail(email));
  if (!supporter) return "unknown";
  const recent = await countRecentLinks(db(), supporter.id, new Date(Date.now() - 3_600_000));
  if (recent >= LINKS_PER_HOUR || !(await allowPublicMailTo(supporter.email))) return "throttled";
  await sendLink(supporter, supporter.email, "me", null);
  return "sent";
}

/** The supporter a /me link opens, or null when it is unknown, used up or expired. */
export async function openMeLink(token: string): Promise<number | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return (await findUsableLink(db(), "me", hashToken(token)))?.supporterId ?? null;
}

export type EmailChangeResult = { ok: true } | { ok: false; message: string };

/** From /me: a confirmation link goes to the new address; nothing changes until it is opened. */
export async function requestEmailChange(supporterId: number, newEmail: string): Promise<EmailChangeResult> {
  const supporter = await findSupporterRow(db(), supporterId);
  if (!supporter) return { ok: false, message: "This supporter record no longer exists." };
  if (canonicalEmail(newEmail) === canonicalEmail(supporter.email))
    return { ok: false, message: "That is the address we have already." };
  if (!(await allowPublicMailTo(newEmail)))
    return { ok: false, message: "Too many emails to that address; please try again in an hour." };
  await sendLink(supporter, newEmail.trim(), "email_change", newEmail.trim());
  return { ok: true };
}

/**
 * The link sent to the new address: the record takes the new address (unless another supporter
 * already uses it), and every other link ends.
 */
export async function confirmEmailChange(token: string): Promise<"changed" | "invalid" | "taken"> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return "invalid";
  return db()
    .transaction()
    .execute(async (trx) => {
      const link = await claimLink(trx, "email_change", hashToken(token));
      if (!link?.newEmail) return "invalid";
      const canonical = canonicalEmail(link.newEmail);
      if (await isEmailTaken(trx, canonical, link.supporterId)) return "taken";
      await updateSupporterEmail(trx, link.supporterId, link.newEmail, canonical);
      await retireLinks(trx, link.supporterId);
      return "changed";
    });
}
