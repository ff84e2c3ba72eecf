import { createElement } from "react";
import { z } from "zod";
import { db } from "~db/index.server";
import { CampaignUpdateEmail } from "~emails/campaign-update";
import { appUrl, env } from "~/env.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { log } from "~/lib/log.server";
import { defineSetting, getSetting } from "~/modules/settings/settings.server";
import { listCampaignOf, resolveAudience, scopedRecipients } from "./audiences.server";
import {
  claimNextBatch,
  findFrozenBatch,
  findMailing,
  listBatchRecipients,
  markBatchSent,
  markMailingFinished,
  markMailingStarted,
  prepareDeliveryChunk,
  type BatchRecipient,
} from "./mailings.queries.server";
import { orgProps, renderEmail } from "./render.server";
import { mailTransport, type MailTransport, type TransportMessage } from "./transport.server";
import { oneClickUrl, unsubscribeToken, unsubscribeUrl } from "./unsubscribe.server";

export const MAIL_REQUESTS_PER_SECOND = defineSetting({
  key: "mail.requestsPerSecond",
  schema: z.number().min(0).max(100),
  defaultValue: 5,
  label: "Requests per second to the email provider during campaign updates (0 = no limit)",
});

const PREPARE_CHUNK = 5_000;
const MAX_ATTEMPTS_PER_BATCH = 8;
const PLACEHOLDER = "https://unsubscribe.placeholder.invalid/TOKEN";

export interface FanoutOptions {
  /** Overrides the stored setting (benchmarks turn the limit off with 0). */
  requestsPerSecond?: number;
  /** Stops between steps, as a killed worker would. */
  signal?: AbortSignal;
  /** Test hook: runs after the provider accepted a batch and before it is recorded. */
  afterProviderAccepted?: (batchNo: number) => void | Promise<void>;
}

export interface FanoutResult {
  outcome: "sent" | "not-ready" | "missing";
  batches: number;
  messages: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** At most `perSecond` requests per second (0 = unlimited), spaced evenly. */
function rateLimiter(perSecond: number, signal?: AbortSignal) {
  const gap = perSecond > 0 ? 1000 / perSecond : 0;
  let next = 0;
  return async () => {
    if (!gap) return;
    const now = Date.now();
    const wait = Math.max(0, next - now);
    next = Math.max(now, next) + gap;
    if (wait) await sleep(wait, signal);
  };
}

/**
 * The update rendered once: markdown to sanitized HTML, then the whole email to HTML and text
 * with a placeholder where each recipient's unsubscribe link goes.
 */
export async function renderMailingTemplate(
  mailing: { subject: string; bodyMd: string; campaignTitle: string | null; campaignSlug: string | null },
  url = PLACEHOLDER,
) {
  return renderEmail(
    createElement(CampaignUpdateEmail, {
      ...orgProps(),
      subject: mailing.subject,
      bodyHtml: renderMarkdown(mailing.bodyMd),
      campaignTitle: mailing.campaignTitle,
      campaignUrl: mailing.campaignSlug ? `${appUrl()}/campaigns/${mailing.campaignSlug}` : null,
      unsubscribeUrl: url,
    }),
  );
}

async function sendBatchWithRetry(
  transport: MailTransport,
  messages: TransportMessage[],
  key: string,
  limit: () => Promise<void>,
  signal?: AbortSignal,
) {
  for (let attempt = 1; ; attempt++) {
    await limit();
    const result = await transport.sendBatch(messages, key, "campaign-update");
    if (result.ok) return result.providerIds;
    if (!result.retryable || attempt >= MAX_ATTEMPTS_PER_BATCH)
      throw new Error(`batch ${key}: ${result.error}`);
    // 429: wait as long as the provider asks; otherwise back off exponentially. Same key every time.
    const delay =
      result.retryAfterSeconds !== undefined
        ? Math.min(60, result.retryAfterSeconds) * 1000
        : Math.min(30_000, 250 * 2 ** attempt);
    log.warn("email batch retry", { key, attempt, status: result.status, delay });
    await sleep(delay, signal);
  }
}

/**
 * Sends a campaign update. Resumable at any point:
 * 1. delivery rows are created in chunks (cursor and rows commit together), numbered into
 *    fixed batches of 100;
 * 2. each batch is claimed with FOR UPDATE SKIP LOCKED and frozen in one transaction
 *    (suppressed or unsubscribed recipients marked so, the rest `sending`);
 * 3. the frozen batch goes to the provider with the key `mailing-<id>-batch-<n>`;
 * 4. the rows become `sent` with the provider's ids.
 * A run killed between 2 and 4 leaves the batch frozen; the next run sends the same recipients
 * under the same key first, and the provider answers with the original result instead of
 * mailing anyone again. Nobody is skipped: every row ends sent, suppressed or unsubscribed.
 */
export async function runMailing(mailingId: number, options: FanoutOptions = {}): Promise<FanoutResult> {
  const { signal } = options;
  let mailing = await findMailing(db(), mailingId);
  if (!mailing) return { outcome: "missing", batches: 0, messages: 0 };
  if (mailing.status === "draft") return { outcome: "not-ready", batches: 0, messages: 0 };
  if (mailing.status === "sent") return { outcome: "sent", batches: 0, messages: 0 };
  if (mailing.status === "scheduled") await markMailingStarted(db(), mailingId);
  const audience = await resolveAudience(db(), mailing.audience);
  if (!audience) throw new Error(`mailing ${mailingId}: unknown audience ${mailing.audience}`);

  while (!mailing.preparedAt) {
    signal?.throwIfAborted();
    const target = mailing;
    const added = await db()
      .transaction()
      .execute((trx) =>
        prepareDeliveryChunk(
          trx,
          target,
          scopedRecipients(trx, audience.selectRecipients(trx, { campaignId: target.campaignId }), target),
          PREPARE_CHUNK,
        ),
      );
    if (added === 0) mailing = (await findMailing(db(), mailingId))!;
  }

  const template = await renderMailingTemplate(mailing);
  const listCampaign = listCampaignOf(mailing);
  const from = env().MAIL_FROM;
  const transport = mailTransport();
  const limit = rateLimiter(
    options.requestsPerSecond ?? (await getSetting(MAIL_REQUESTS_PER_SECOND)),
    signal,
  );
  let batches = 0;
  let messages = 0;

  // Batches a stopped run froze come first (same recipients, same key); then new ones are claimed.
  let resuming = true;
  for (;;) {
    signal?.throwIfAborted();
    const target = mailing;
    let claimed: { batchNo: number; recipients: BatchRecipient[] } | null = null;
    if (resuming) {
      const frozen = await findFrozenBatch(db(), mailingId);
      if (frozen === null) resuming = false;
      else claimed = { batchNo: frozen, recipients: await listBatchRecipients(db(), mailingId, frozen) };
    }
    claimed ??= await db()
      .transaction()
      .execute((trx) => claimNextBatch(trx, target));
    if (claimed === null) break;
    const { batchNo, recipients } = claimed;
    if (!recipients.length) continue;
    const batch: TransportMessage[] = recipients.map((r) => {
      const token = unsubscribeToken(r.supporterId, listCampaign);
      const pageUrl = unsubscribeUrl(token);
      return {
        from,
        to: r.email,
        subject: mailing.subject,
        html: template.html.replaceAll(PLACEHOLDER, pageUrl),
        text: template.text.replaceAll(PLACEHOLDER, pageUrl),
        headers: {
          "List-Unsubscribe": `<${oneClickUrl(token)}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        tags: { kind: "campaign-update", mailing: String(mailingId) },
        idempotencyKey: `mailing-${mailingId}-delivery-${r.id}`,
      };
    });
    const providerIds = await sendBatchWithRetry(
      transport,
      batch,
      `mailing-${mailingId}-batch-${batchNo}`,
      limit,
      signal,
    );
    await options.afterProviderAccepted?.(batchNo);
    await markBatchSent(
      db(),
      recipients.map((r, i) => ({ id: r.id, providerId: providerIds[i] ?? null })),
    );
    batches++;
    messages += batch.length;
  }
  await markMailingFinished(db(), mailingId);
  return { outcome: "sent", batches, messages };
}
