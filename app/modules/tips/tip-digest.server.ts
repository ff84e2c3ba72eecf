import { createElement } from "react";
import { db } from "~db/index.server";
import { NewTipDigestEmail, type DigestTip } from "~emails/new-tip-digest";
import { appUrl, env } from "~/env.server";
import { formatDateTime } from "~/lib/dates";
import { orgProps, queueEmail, renderEmail } from "~/modules/mail/mail.server";
import { listActiveOrganizers, lockUnalertedTips, markTipsAlerted } from "./tips.queries.server";

/**
 * The new-tip digest, run by the crontab every 15 minutes (so at most one alert per quarter
 * hour). Each tip not yet alerted goes to its assigned organizer, or to every owner and editor
 * when unassigned. The tips are locked and stamped in the same transaction as the emails, so a
 * second run (or a concurrent one) sends nothing twice.
 */
export async function sendTipDigests(): Promise<{ tips: number; emails: number }> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const tips = await lockUnalertedTips(trx, 500);
      if (!tips.length) return { tips: 0, emails: 0 };
      const organizers = await listActiveOrganizers(trx);
      const fallback = organizers.filter((o) => o.role === "owner" || o.role === "editor");
      const perRecipient = new Map<number, { organizer: (typeof organizers)[number]; tips: typeof tips }>();
      for (const tip of tips) {
        const assignee = tip.assignedTo ? organizers.find((o) => o.id === tip.assignedTo) : undefined;
        for (const organizer of assignee ? [assignee] : fallback) {
          const entry = perRecipient.get(organizer.id) ?? { organizer, tips: [] };
          entry.tips.push(tip);
          perRecipient.set(organizer.id, entry);
        }
      }
      const base = appUrl();
      let emails = 0;
      for (const { organizer, tips: mine } of perRecipient.values()) {
        const items: DigestTip[] = mine.map((t) => ({
          reference: t.reference,
          url: `${base}/admin/tips/${t.id}`,
          about: t.caseName ?? (t.mediaTitle ? `Media: ${t.mediaTitle}` : "General"),
          receivedAt: formatDateTime(t.createdAt, env().ORG_TIME_ZONE),
          assignedToYou: t.assignedTo === organizer.id,
        }));
        const { html, text } = await renderEmail(
          createElement(NewTipDigestEmail, {
            ...orgProps(),
            recipientName: organizer.name,
            tips: items,
            queueUrl: `${base}/admin/tips?status=new`,
          }),
        );
        const ids = mine.map((t) => t.id);
        const result = await queueEmail(trx, {
          kind: "new-tip-digest",
          to: organizer.email,
          subject: `${items.length === 1 ? "1 new tip" : `${items.length} new tips`} to triage`,
          html,
          text,
          idempotencyKey: `tip-digest:${organizer.id}:${Math.min(...ids)}-${Math.max(...ids)}`,
        });
        if (result.queued) emails++;
      }
      await markTipsAlerted(
        trx,
        tips.map((t) => t.id),
      );
      return { tips: tips.length, emails };
    });
}
