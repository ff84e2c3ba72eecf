import { Resend } from "resend";
import { env } from "~/env.server";

export interface TransportMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: Record<string, string>;
  idempotencyKey: string;
}

export type TransportResult = { ok: true; providerId: string | null } | { ok: false; error: string; retryable: boolean; retryAfterSeconds?: number };

export interface MailTransport {
  name: "resend" | "outbox";
  send(message: TransportMessage): Promise<TransportResult>;
}

/**
 * The only code that talks to Resend. Without RESEND_API_KEY, mail goes to the development
 * outbox: it stays in the emails table and is readable at /admin/outbox.
 */
export function mailTransport(): MailTransport {
  const config = env();
  if (!config.RESEND_API_KEY) return { name: "outbox", send: async () => ({ ok: true, providerId: null }) };
  // The SDK reads RESEND_BASE_URL itself (tests point it at a local server that speaks Resend's API).
  const resend = new Resend(config.RESEND_API_KEY);
  return {
    name: "resend",
    async send(m) {
      const tags = Object.entries(m.tags).map(([name, value]) => ({ name, value: value.replace(/[^A-Za-z0-9_-]/g, "_") }));
      const { data, error } = await resend.emails.send(
        { from: m.from, to: [m.to], subject: m.subject, html: m.html, text: m.text, headers: m.headers, tags },
        { idempotencyKey: m.idempotencyKey },
      );
      if (error) {
        const status = (error as { statusCode?: number }).statusCode ?? 0;
        return { ok: false, error: `${error.name}: ${error.message}`, retryable: status === 0 || status === 429 || status >= 500 };
      }
      return { ok: true, providerId: data?.id ?? null };
    },
  };
}
