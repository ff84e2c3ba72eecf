import { sql } from "kysely";
import { db } from "~db/index.server";
import { env, overrideEnv } from "~/env.server";
import { sendQueuedEmail } from "~/modules/mail/mail.server";
import { FakeResend } from "./fake-resend";

export interface StoredAndSent {
  /** The row in the emails table (what the outbox shows). */
  stored: { id: number; html: string; text: string };
  /** The message as handed to the provider (a local Resend-speaking server). */
  sent: { html: string; text: string };
}

/**
 * Sends the latest queued email of a kind to an address the way the send_email job does (its
 * payload from graphile-worker's job table, the Resend transport pointed at a local fake) and returns
 * both the stored copy and the message as sent.
 */
export async function sendLatest(kind: string, to: string): Promise<StoredAndSent> {
  const row = await db()
    .selectFrom("emails")
    .select(["id", "html", "text"])
    .where("kind", "=", kind)
    .where("toAddress", "=", to)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  // As text: the query builder's camelCase plugin would rename the placeholders (JSON keys) otherwise.
  const job = await sql<{
    payload: string;
  }>`select payload::text as payload from graphile_worker._private_jobs where key = ${`email:${row.id}`}`.execute(
    db(),
  );
  const payload = job.rows[0]
    ? (JSON.parse(job.rows[0].payload) as { id: number; secrets?: Record<string, string> })
    : undefined;
  if (!payload) throw new Error(`no send_email job for email ${row.id}`);
  const fake = new FakeResend();
  const url = await fake.start();
  const before = { RESEND_API_KEY: env().RESEND_API_KEY, RESEND_BASE_URL: env().RESEND_BASE_URL };
  try {
    overrideEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: url });
    await sendQueuedEmail(row.id, 1, 10, payload.secrets);
  } finally {
    overrideEnv(before);
    await fake.stop();
  }
  const body = fake.requests.find((r) => r.status === 200)?.body as
    | { html: string; text: string }
    | undefined;
  if (!body) throw new Error(`email ${row.id} was not sent`);
  return { stored: row, sent: { html: body.html, text: body.text } };
}

/** The token of a `/admin/reset/...` or `/admin/invitation/...` link in a text. */
export function tokenFrom(text: string, path: string): string {
  const m = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[1];
}
