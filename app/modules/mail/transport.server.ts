import { Resend } from "resend";
import { db } from "~db/index.server";
import { env } from "~/env.server";
import { insertSentOutboxEmails, type EmailContent } from "./mail.queries.server";

export interface TransportMessage extends EmailContent {
  from: string;
  to: string;
}

export type TransportFailure = {
  ok: false;
  error: string;
  retryable: boolean;
  status: number | null;
  retryAfterSeconds?: number;
};
export type TransportResult = { ok: true; providerId: string | null } | TransportFailure;
export type BatchResult = { ok: true; providerIds: Array<string | null> } | TransportFailure;

export interface MailTransport {
  name: "resend" | "outbox";
  send(message: TransportMessage): Promise<TransportResult>;
  /** Up to 100 messages in one request; `idempotencyKey` covers the whole batch. */
  sendBatch(messages: TransportMessage[], idempotencyKey: string, kind: string): Promise<BatchResult>;
}

const outbox: MailTransport = {
  name: "outbox",
  send: async () => ({ ok: true, providerId: null }),
  // The development outbox keeps each message of a batch as a sent email, readable at /admin/outbox.
  async sendBatch(messages, _key, kind) {
    await insertSentOutboxEmails(db(), kind, messages);
    return { ok: true, providerIds: messages.map(() => null) };
  },
};

let client: { key: string; baseUrl: string | undefined; resend: Resend } | undefined;

/** Built lazily from env() so tests and benchmarks can point RESEND_BASE_URL at a local fake. */
function resendClient(key: string, baseUrl: string | undefined): Resend {
  if (!client || client.key !== key || client.baseUrl !== baseUrl)
    client = { key, baseUrl, resend: new Resend(key, baseUrl ? { baseUrl } : undefined) };
  return client.resend;
}

function tagList(tags: Record<string, string>) {
  return Object.entries(tags).map(([name, value]) => ({
    name,
    value: value.replace(/[^A-Za-z0-9_-]/g, "_"),
  }));
}

/** A message as Resend's send and batch calls take it. */
function resendMessage(m: TransportMessage) {
  return {
    from: m.from,
    to: [m.to],
    subject: m.subject,
    html: m.html,
    text: m.text,
    headers: m.headers,
    tags: tagList(m.tags),
  };
}

function failure(
  error: { name: string; message: string; statusCode?: number | null },
  headers: Record<string, string> | null,
): TransportFailure {
  const status = error.statusCode ?? null;
  const retryAfter = Number(headers?.["retry-after"]);
  return {
    ok: false,
    error: `${error.name}: ${error.message}`,
    status,
    // No status: the connection failed. 409 concurrent_idempotent_requests: the same key is still in flight.
    retryable:
      status === null ||
      status === 0 ||
      status === 429 ||
      status >= 500 ||
      error.name === "concurrent_idempotent_requests",
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
  };
}

/**
 * The only code that talks to Resend. Without RESEND_API_KEY, mail goes to the development
 * outbox: it stays in the emails table and is readable at /admin/outbox.
 */
export function mailTransport(): MailTransport {
  const config = env();
  if (!config.RESEND_API_KEY) return outbox;
  const resend = resendClient(config.RESEND_API_KEY, config.RESEND_BASE_URL);
  return {
    name: "resend",
    async send(m) {
      const { data, error, headers } = await resend.emails.send(resendMessage(m), {
        idempotencyKey: m.idempotencyKey,
      });
      if (error) return failure(error, headers);
      return { ok: true, providerId: data?.id ?? null };
    },
    async sendBatch(messages, idempotencyKey) {
      const { data, error, headers } = await resend.batch.send(messages.map(resendMessage), {
        idempotencyKey,
      });
      if (error) return failure(error, headers);
      const ids = data?.data ?? [];
      return { ok: true, providerIds: messages.map((_, i) => ids[i]?.id ?? null) };
    },
  };
}

/**
 * An erasure: Resend deletes its contact for the address (a 404, no such contact, is as good).
 * Without RESEND_API_KEY nothing left the machine, so there is nothing to tell.
 */
export async function forgetMailContact(email: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const config = env();
  if (!config.RESEND_API_KEY) return { ok: true };
  const { error } = await resendClient(config.RESEND_API_KEY, config.RESEND_BASE_URL).contacts.remove({
    email,
  });
  if (!error || error.statusCode === 404) return { ok: true };
  return { ok: false, error: `${error.name}: ${error.message}` };
}
