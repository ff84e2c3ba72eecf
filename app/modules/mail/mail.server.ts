import { db, type Executor } from "~db/index.server";
import { env } from "~/env.server";
import { log } from "~/lib/log.server";
import { checkSecrets, fillSecrets, type Secrets } from "./secret-links";
import {
  addSendJobs,
  findEmailById,
  insertEmails,
  listEmailKinds,
  listEmails,
  markEmailAttemptFailed,
  markEmailSent,
  markEmailSuppressed,
  type EmailRow,
} from "./mail.queries.server";
import { isSuppressed } from "./suppressions.server";
import { mailTransport } from "./transport.server";

export { renderEmail, orgProps } from "./render.server";
export { secretPlaceholder } from "./secret-links";

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
  /**
   * Tokens that must not be stored (reset and invitation links): placeholder (from
   * `secretPlaceholder`) -> token. The stored html and text keep the placeholder; the send job
   * carries the token and fills it in only in the message handed to the provider.
   */
  secrets?: Secrets;
}

function toEmailRow(email: OutgoingEmail): EmailRow {
  const headers: Record<string, string> = email.listUnsubscribeUrl
    ? {
        "List-Unsubscribe": `<${email.listUnsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      }
    : {};
  return {
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers,
    tags: { kind: email.kind, ...email.tags },
    idempotencyKey: email.idempotencyKey,
  };
}

/**
 * Makes emails durable in the caller's transaction: the rows and the jobs that send them commit
 * together with their cause, or not at all (two statements for any number). Idempotency keys
 * already queued are skipped; returns the ids of the new rows.
 */
export async function queueEmails(trx: Executor, emails: OutgoingEmail[]): Promise<number[]> {
  const rows = await insertEmails(trx, emails.map(toEmailRow));
  const secretsByKey = new Map(
    emails.filter((e) => e.secrets).map((e) => [e.idempotencyKey, checkSecrets(e.secrets!)]),
  );
  await addSendJobs(
    trx,
    rows.map((r) => ({ id: r.id, secrets: secretsByKey.get(r.idempotencyKey) })),
  );
  return rows.map((r) => r.id);
}

/** queueEmail for one message. */
export async function queueEmail(
  trx: Executor,
  email: OutgoingEmail,
): Promise<{ queued: boolean; id: number | null }> {
  const [id = null] = await queueEmails(trx, [email]);
  return { queued: id !== null, id };
}

/** The send_email job: hands one queued email to the transport; safe to run twice. `secrets` come from the job's payload. */
export async function sendQueuedEmail(
  id: number,
  attempt: number,
  maxAttempts: number,
  secrets?: Secrets,
): Promise<void> {
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
    html: fillSecrets(email.html, secrets),
    text: fillSecrets(email.text, secrets),
    headers: email.headers,
    tags: email.tags,
    idempotencyKey: email.idempotencyKey,
  });
  if (result.ok) {
    // Nothing leaves the machine without a provider: in development, the log is the only place a reset or invitation link can be read.
    if (secrets && transport.name === "outbox" && !env().isProduction)
      log.info("development outbox: this email's secret link", {
        id,
        kind: email.kind,
        to: email.toAddress,
        link: fillSecrets(/https?:\/\/\S*SECRET_[A-Z_]+_NOT_STORED/.exec(email.text)?.[0] ?? "", secrets),
      });
    await markEmailSent(db(), id, transport.name, result.providerId);
    return;
  }
  const final = !result.retryable || attempt >= maxAttempts;
  await markEmailAttemptFailed(db(), id, result.error, final);
  if (!final) throw new Error(`email ${id}: ${result.error}`);
}

export function outboxPage(options: { kind?: string; page: number }) {
  return Promise.all([
    listEmails(db(), { kind: options.kind, limit: 50, offset: options.page * 50 }),
    listEmailKinds(db()),
  ]);
}

export function getEmail(id: number) {
  return findEmailById(db(), id);
}
