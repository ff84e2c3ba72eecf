import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import { taskName } from "~/modules/jobs/tasks";

/** What every email carries, however it is addressed and sent. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: Record<string, string>;
  idempotencyKey: string;
}

export interface EmailRow extends EmailContent {
  kind: string;
  toAddress: string;
}

export function findEmailById(db: Executor, id: number) {
  return db.selectFrom("emails").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markEmailSent(db: Executor, id: number, transport: string, providerId: string | null) {
  await db
    .updateTable("emails")
    .set({
      status: "sent",
      transport,
      providerId,
      sentAt: new Date(),
      attempts: sql`attempts + 1`,
      lastError: null,
    })
    .where("id", "=", id)
    .execute();
}

export async function markEmailAttemptFailed(db: Executor, id: number, error: string, final: boolean) {
  await db
    .updateTable("emails")
    .set({
      attempts: sql`attempts + 1`,
      lastError: error.slice(0, 1000),
      ...(final ? { status: "failed" as const } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export function listEmails(db: Executor, options: { kind?: string; limit: number; offset: number }) {
  let q = db
    .selectFrom("emails")
    .select([
      "id",
      "kind",
      "toAddress",
      "subject",
      "status",
      "transport",
      "createdAt",
      "sentAt",
      "attempts",
      "lastError",
    ])
    .orderBy("id", "desc")
    .limit(options.limit)
    .offset(options.offset);
  if (options.kind) q = q.where("kind", "=", options.kind);
  return q.execute();
}

export function listEmailKinds(db: Executor) {
  return db
    .selectFrom("emails")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("kind")
    .orderBy("kind")
    .execute();
}

/** Inserts many emails in one statement, skipping idempotency keys already queued; returns the new rows. */
export async function insertEmails(
  db: Executor,
  emails: EmailRow[],
): Promise<Array<{ id: number; idempotencyKey: string }>> {
  if (!emails.length) return [];
  const rows = await db
    .insertInto("emails")
    .values(emails.map((e) => ({ ...e, headers: JSON.stringify(e.headers), tags: JSON.stringify(e.tags) })))
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .returning(["id", "idempotencyKey"])
    .execute();
  return rows;
}

/** One send_email job per email, added with a single call; secret links ride in the payload only. */
export async function addSendJobs(
  db: Executor,
  jobs: Array<{ id: number; secrets?: Record<string, string> }>,
) {
  if (!jobs.length) return;
  const ids = jobs.map((j) => j.id);
  const payloads = jobs.map((j) =>
    JSON.stringify(j.secrets ? { id: j.id, secrets: j.secrets } : { id: j.id }),
  );
  await sql`
    select count(*) from graphile_worker.add_jobs(array(
      select row(${taskName("send_email")}::text, p, null, null, 10, 'email:' || id, null, null)::graphile_worker.job_spec
      from unnest(${ids}::bigint[], ${payloads}::json[]) as t(id, p)
    ))`.execute(db);
}

/** The development outbox's copy of each message of a batch (already "sent": nothing leaves the machine). */
export async function insertSentOutboxEmails(
  db: Executor,
  kind: string,
  messages: Array<EmailContent & { to: string }>,
) {
  if (!messages.length) return;
  await db
    .insertInto("emails")
    .values(
      messages.map((m) => ({
        kind,
        toAddress: m.to,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: JSON.stringify(m.headers),
        tags: JSON.stringify(m.tags),
        idempotencyKey: m.idempotencyKey,
        status: "sent" as const,
        transport: "outbox",
        attempts: 1,
        sentAt: new Date(),
      })),
    )
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .execute();
}

export async function markEmailSuppressed(db: Executor, id: number) {
  await db
    .updateTable("emails")
    .set({ status: "suppressed", lastError: "The address is suppressed (bounce or complaint)." })
    .where("id", "=", id)
    .execute();
}
