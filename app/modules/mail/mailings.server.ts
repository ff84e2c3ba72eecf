import { createHash } from "node:crypto";
import { db, type Executor } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { segmentAudiences } from "~/modules/supporters/segments.server";
import { listAudiences, resolveAudience, scopedRecipients } from "./audiences.server";
import { renderMailingTemplate } from "./fanout.server";
import { queueEmail } from "./mail.server";
import type { MailingForm } from "./mailings.schema";
import {
  countAudience,
  findMailing,
  insertMailing,
  listMailings,
  mailingProgress,
  requeueStalledMailings,
  scheduleMailingRow,
  unscheduleMailingRow,
  updateMailingContent,
} from "./mailings.queries.server";

export { runMailing } from "./fanout.server";

/** A mailing's content; the seat or state scope may be left out (no scope). */
type MailingInput = Omit<MailingForm, "scopeState" | "scopeOffice"> &
  Partial<Pick<MailingForm, "scopeState" | "scopeOffice">>;

const withScope = (form: MailingInput): MailingForm => ({ scopeState: null, scopeOffice: null, ...form });

export type MailingResult = { ok: true; id: number } | { ok: false; fields: Record<string, string> };

async function checkAudience(form: MailingInput): Promise<Record<string, string> | null> {
  const audience = await resolveAudience(db(), form.audience);
  if (!audience) return { audience: "Choose who receives it." };
  if (audience.needsCampaign && !form.campaignId)
    return { campaignId: "Choose the campaign this audience belongs to." };
  return null;
}

export async function createMailing(organizerId: number, form: MailingInput): Promise<MailingResult> {
  const fields = await checkAudience(form);
  if (fields) return { ok: false, fields };
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertMailing(trx, { ...withScope(form), createdBy: organizerId });
      await insertAuditEntry(trx, {
        organizerId,
        action: "mailing.create",
        subjectType: "mailing",
        subjectId: row.id,
        details: { subject: form.subject, audience: form.audience },
      });
      return { ok: true, id: row.id } as const;
    });
}

/** One change to a mailing row and, when a row changed, its audit entry, in one transaction. */
function changeMailing(
  organizerId: number,
  id: number,
  action: string,
  change: (trx: Executor) => Promise<boolean>,
  details?: Record<string, unknown>,
): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const ok = await change(trx);
      if (ok)
        await insertAuditEntry(trx, { organizerId, action, subjectType: "mailing", subjectId: id, details });
      return ok;
    });
}

export async function updateMailing(
  organizerId: number,
  id: number,
  form: MailingInput,
): Promise<MailingResult> {
  const fields = await checkAudience(form);
  if (fields) return { ok: false, fields };
  const updated = await changeMailing(organizerId, id, "mailing.update", (trx) =>
    updateMailingContent(trx, id, withScope(form)),
  );
  return updated
    ? { ok: true, id }
    : { ok: false, fields: { _form: "This update is already being sent and can no longer change." } };
}

export function getMailing(id: number) {
  return findMailing(db(), id);
}

export function listMailingsForAdmin() {
  return listMailings(db(), 100);
}

export function getMailingProgress(id: number) {
  return mailingProgress(db(), id);
}

/** The compose screen's choices, each audience with how many would receive it now. */
export async function composeOptions() {
  const [campaigns, segments] = await Promise.all([listCampaignsForAdmin(), segmentAudiences()]);
  return {
    audiences: [...listAudiences(), ...segments],
    campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })),
  };
}

export async function audienceSize(
  audienceKey: string,
  campaignId: number | null,
  scope: { scopeState: string | null; scopeOffice: string | null } = { scopeState: null, scopeOffice: null },
): Promise<number | null> {
  const audience = await resolveAudience(db(), audienceKey);
  if (!audience || (audience.needsCampaign && !campaignId)) return null;
  return countAudience(
    db(),
    campaignId,
    scopedRecipients(db(), audience.selectRecipients(db(), { campaignId }), scope),
  );
}

/** The email as recipients will see it (with a sample unsubscribe link). */
export async function previewMailing(mailing: {
  subject: string;
  bodyMd: string;
  campaignId: number | null;
}) {
  const campaign = mailing.campaignId
    ? (await listCampaignsForAdmin()).find((c) => c.id === mailing.campaignId)
    : undefined;
  return renderMailingTemplate(
    { ...mailing, campaignTitle: campaign?.title ?? null, campaignSlug: campaign?.slug ?? null },
    "#unsubscribe-link-in-each-email",
  );
}

/** Sends the current draft to the organizer; the same content twice is sent once. */
export async function sendTestMailing(
  organizer: { id: number; email: string },
  id: number,
): Promise<boolean> {
  const mailing = await findMailing(db(), id);
  if (!mailing) return false;
  const { html, text } = await renderMailingTemplate(mailing, "#test-send-has-no-unsubscribe-link");
  const digest = createHash("sha256")
    .update(`${mailing.subject}\n${mailing.bodyMd}\n${mailing.campaignId}`)
    .digest("hex")
    .slice(0, 16);
  await db()
    .transaction()
    .execute(async (trx) => {
      await queueEmail(trx, {
        kind: "campaign-update-test",
        to: organizer.email,
        subject: `[Test] ${mailing.subject}`,
        html,
        text,
        idempotencyKey: `mailing-test:${id}:${organizer.id}:${digest}`,
      });
      await insertAuditEntry(trx, {
        organizerId: organizer.id,
        action: "mailing.test",
        subjectType: "mailing",
        subjectId: id,
      });
    });
  return true;
}

/** Send now (at = now) or later: the job runs at that time; rescheduling replaces it. */
export async function scheduleMailing(organizerId: number, id: number, at: Date): Promise<boolean> {
  return changeMailing(organizerId, id, "mailing.schedule", (trx) => scheduleMailingRow(trx, id, at), {
    at: at.toISOString(),
  });
}

export async function unscheduleMailing(organizerId: number, id: number): Promise<boolean> {
  return changeMailing(organizerId, id, "mailing.unschedule", (trx) => unscheduleMailingRow(trx, id));
}

/** The resume_mailings cron task: restarts updates whose worker was killed mid-send. */
export function resumeStalledMailings() {
  return requeueStalledMailings(db(), 2);
}
