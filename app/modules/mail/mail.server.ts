import { db, type Executor } from "~db/index.server";
import { env } from "~/env.server";
import { addSendJob, findEmailById, insertEmail, listEmailKinds, listEmails, markEmailAttemptFailed, markEmailSent, markEmailSuppressed } from "./mail.queries.server";
import { isSuppressed } from "./suppressions.server";
import { mailTransport } from "./transport.server";

export { renderEmail, orgProps } from "./render.server";
export { suppressAddress, isSuppressed } from "./suppressions.server";

export interface OutgoingEmail {
  /** The template kind, e.g. "donation-receipt". */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Derived from the cause (e.g. `donation-receipt:42`): a second queue with the same key does nothing. */
  idempotencyKey: string;
  /** List mail: RFC 8058 one-click unsubscribe headers are added. */
  listUnsubscribeUrl?: string;
  tags?: Record<string, string>;
}

/**
 * Makes an email durable in the caller's transaction: the row and the job that sends it commit
 * together with their cause, or not at all.
 */
export async function queueEmail(trx: Executor, email: OutgoingEmail): Promise<{ queued: boolean; id: number | null }> {
  const headers: Record<string, string> = email.listUnsubscribeUrl
    ? { "List-Unsubscribe": `<${email.listUnsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  const id = await insertEmail(trx, { kind: email.kind, toAddress: email.to, subject: email.subject, html: email.html, text: email.text, headers, tags: { kind: email.kind, ...email.tags }, idempotencyKey: email.idempotencyKey });
  if (id === null) return { queued: false, id: null };
  await addSendJob(trx, id);
  return { queued: true, id };
}

/** The send_email job: hands one queued email to the transport; safe to run twice. */
export async function sendQueuedEmail(id: number, attempt: number, maxAttempts: number): Promise<void> {
  const email = await findEmailById(db(), id);
  if (!email || email.status !== "queued") return;
  // Checked at send time, so a bounce or complaint after queueing still stops the message.
  if (await isSuppressed(email.toAddress)) {
    await markEmailSuppressed(db(), id);
    return;
  }
  const transport = mailTransport();
  const result = await transport.send({
    from: env().MAIL_FROM,
    to: email.toAddress,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    tags: email.tags,
    idempotencyKey: email.idempotencyKey,
  });
  if (result.ok) {
    await markEmailSent(db(), id, transport.name, result.providerId);
    return;
  }
  const final = !result.retryable || attempt >= maxAttempts;
  await markEmailAttemptFailed(db(), id, result.error, final);
  if (!final) throw new Error(`email ${id}: ${result.error}`);
}

export function outboxPage(options: { kind?: string; page: number }) {
  return Promise.all([listEmails(db(), { kind: options.kind, limit: 50, offset: options.page * 50 }), listEmailKinds(db())]);
}

export function getEmail(id: number) {
  return findEmailById(db(), id);
}
