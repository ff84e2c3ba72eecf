import { sql, type RawBuilder } from "kysely";
import type { Executor } from "~db/index.server";
import { addJob, removeJob } from "~/modules/jobs/jobs.queries.server";
import type { DeliveryStatus } from "~db/schema";
import type { RecipientQuery } from "./audiences.server";
import { BATCH_SIZE, type MailingProgress } from "./mailings";

export interface MailingValues {
  subject: string;
  bodyMd: string;
  audience: string;
  campaignId: number | null;
  scopeState: string | null;
  scopeOffice: string | null;
}

export function insertMailing(db: Executor, values: MailingValues & { createdBy: number }) {
  return db.insertInto("mailings").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateMailingContent(
  db: Executor,
  id: number,
  values: MailingValues,
): Promise<boolean> {
  const r = await db
    .updateTable("mailings")
    .set({ ...values, updatedAt: sql`now()` })
    .where("id", "=", id)
    .where("status", "in", ["draft", "scheduled"])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function findMailing(db: Executor, id: number) {
  return db
    .selectFrom("mailings")
    .leftJoin("campaigns", "campaigns.id", "mailings.campaignId")
    .selectAll("mailings")
    .select(["campaigns.title as campaignTitle", "campaigns.slug as campaignSlug"])
    .where("mailings.id", "=", id)
    .executeTakeFirst();
}

export function listMailings(db: Executor, limit: number) {
  return db
    .selectFrom("mailings")
    .leftJoin("campaigns", "campaigns.id", "mailings.campaignId")
    .select([
      "mailings.id",
      "mailings.subject",
      "mailings.status",
      "mailings.audience",
      "mailings.scheduledAt",
      "mailings.createdAt",
      "mailings.finishedAt",
      "mailings.totalCount",
      "campaigns.title as campaignTitle",
    ])
    .orderBy("mailings.id", "desc")
    .limit(limit)
    .execute();
}

const mailingJobKey = (id: number) => `mailing:${id}`;

/** Moves draft/scheduled to scheduled (with a time) and adds the job that sends it, replacing any earlier one. */
export async function scheduleMailingRow(db: Executor, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("mailings")
    .set({ status: "scheduled", scheduledAt: at, updatedAt: sql`now()` })
    .where("id", "=", id)
    .where("status", "in", ["draft", "scheduled"])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await addJob(db, "send_mailing", { id }, { runAt: at, jobKey: mailingJobKey(id), maxAttempts: 10 });
  return true;
}

export async function unscheduleMailingRow(db: Executor, id: number): Promise<boolean> {
  const r = await db
    .updateTable("mailings")
    .set({ status: "draft", scheduledAt: null, updatedAt: sql`now()` })
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await removeJob(db, mailingJobKey(id));
  return true;
}

export async function markMailingStarted(db: Executor, id: number) {
  await db
    .updateTable("mailings")
    .set({ status: "sending", startedAt: sql`coalesce(started_at, now())` })
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .execute();
}

export async function markMailingFinished(db: Executor, id: number) {
  await db
    .updateTable("mailings")
    .set({ status: "sent", finishedAt: sql`coalesce(finished_at, now())` })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/**
 * Who may receive list mail for a mailing about `campaignId` (alias `s` = supporters): confirmed,
 * not suppressed, and holding an active, proven consent that covers it (scope all, unless they opted out
 * of this campaign since; or scope campaign for this campaign).
 */
export function eligible(campaignId: number | null): RawBuilder<boolean> {
  const cid = campaignId ?? 0;
  return sql<boolean>`(s.confirmed_at is not null
    and not exists (select 1 from suppressions x where x.email_canonical = s.email_canonical)
    and exists (select 1 from consents c where c.supporter_id = s.id and c.withdrawn_at is null and c.proven_at is not null and (
      (c.scope = 'campaign' and c.campaign_id = ${cid})
      or (c.scope = 'all' and not exists (select 1 from campaign_opt_outs o where o.supporter_id = s.id and o.campaign_id = ${cid} and o.created_at > c.given_at)))))`;
}

/**
 * Creates the next chunk of delivery rows (supporters after the cursor, in id order), numbering
 * them into batches of 100 that never change afterwards, and advances the cursor in the same
 * transaction. Returns how many were added (0 = the audience is complete).
 */
export async function prepareDeliveryChunk(
  trx: Executor,
  mailing: { id: number; campaignId: number | null },
  audience: RecipientQuery,
  chunk: number,
): Promise<number> {
  const state = await trx
    .selectFrom("mailings")
    .select(["preparedCursor", "totalCount", "preparedAt"])
    .where("id", "=", mailing.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (state.preparedAt) return 0;
  const rows = await sql<{ supporterId: number }>`
    with picked as (
      select s.id, s.email from supporters s
      where s.id > ${state.preparedCursor} and s.id in (${audience}) and ${eligible(mailing.campaignId)}
      order by s.id limit ${chunk}
    ), numbered as (select id, email, row_number() over (order by id) as rn from picked)
    insert into deliveries (mailing_id, supporter_id, email, batch_no)
    select ${mailing.id}, id, email, ((${state.totalCount} + rn - 1) / ${BATCH_SIZE})::int from numbered
    on conflict (mailing_id, supporter_id) do nothing
    returning supporter_id`.execute(trx);
  const added = rows.rows.length;
  if (added === 0) {
    await trx.updateTable("mailings").set({ preparedAt: sql`now()` }).where("id", "=", mailing.id).execute();
    return 0;
  }
  const cursor = Math.max(...rows.rows.map((r) => Number(r.supporterId)));
  await trx
    .updateTable("mailings")
    .set({ preparedCursor: cursor, totalCount: state.totalCount + added })
    .where("id", "=", mailing.id)
    .execute();
  return added;
}

/** A batch frozen by a run that stopped before recording the provider's answer. */
export async function findFrozenBatch(db: Executor, mailingId: number): Promise<number | null> {
  const row = await db
    .selectFrom("deliveries")
    .select("batchNo")
    .where("mailingId", "=", mailingId)
    .where("status", "=", "sending")
    .orderBy("batchNo")
    .limit(1)
    .executeTakeFirst();
  return row?.batchNo ?? null;
}

/**
 * Claims the next batch (FOR UPDATE SKIP LOCKED) and freezes it: recipients suppressed or no
 * longer subscribed are marked so now, the rest become `sending`. Committed before the request,
 * so a resumed run sends exactly the same recipients under the same idempotency key.
 */
export async function claimNextBatch(
  trx: Executor,
  mailing: { id: number; campaignId: number | null },
): Promise<{ batchNo: number; recipients: BatchRecipient[] } | null> {
  const result = await sql<BatchRecipient & { batchNo: number; status: DeliveryStatus }>`
    with next as (
      select min(batch_no) as b from deliveries where mailing_id = ${mailing.id} and status = 'queued'
    ), claimed as (
      select d.id from deliveries d, next where d.mailing_id = ${mailing.id} and d.status = 'queued' and d.batch_no = next.b
      for update of d skip locked
    )
    update deliveries d set status = case
        when exists (select 1 from suppressions x where x.email_canonical = s.email_canonical) then 'suppressed'
        when ${eligible(mailing.campaignId)} then 'sending'
        else 'unsubscribed' end
    from supporters s
    where d.id in (select id from claimed) and s.id = d.supporter_id
    returning d.id, d.supporter_id, d.email, d.batch_no, d.status`.execute(trx);
  if (!result.rows.length) return null;
  const recipients = result.rows
    .filter((r) => r.status === "sending")
    .map((r) => ({ id: Number(r.id), supporterId: Number(r.supporterId), email: r.email }));
  return { batchNo: result.rows[0].batchNo, recipients: recipients.sort((a, b) => a.id - b.id) };
}

export interface BatchRecipient {
  id: number;
  supporterId: number;
  email: string;
}

export function listBatchRecipients(
  db: Executor,
  mailingId: number,
  batchNo: number,
): Promise<BatchRecipient[]> {
  return db
    .selectFrom("deliveries")
    .select(["id", "supporterId", "email"])
    .where("mailingId", "=", mailingId)
    .where("batchNo", "=", batchNo)
    .where("status", "=", "sending")
    .orderBy("id")
    .execute();
}

export async function markBatchSent(
  db: Executor,
  deliveries: Array<{ id: number; providerId: string | null }>,
) {
  if (!deliveries.length) return;
  await sql`
    update deliveries d set status = 'sent', provider_id = v.provider_id, sent_at = now()
    from (select unnest(${sql.val(deliveries.map((d) => d.id))}::bigint[]) as id, unnest(${sql.val(deliveries.map((d) => d.providerId))}::text[]) as provider_id) v
    where d.id = v.id and d.status = 'sending'`.execute(db);
}

export async function mailingProgress(db: Executor, mailingId: number): Promise<MailingProgress> {
  const row = await db
    .selectFrom("deliveries")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      sql<number>`count(*) filter (where status = 'sent')`.as("sent"),
      sql<number>`count(*) filter (where status in ('suppressed', 'unsubscribed'))`.as("skipped"),
      sql<number>`count(*) filter (where status in ('queued', 'sending'))`.as("pending"),
      eb.fn.count<number>("deliveredAt").as("delivered"),
      eb.fn.count<number>("openedAt").as("opened"),
      eb.fn.count<number>("bouncedAt").as("bounced"),
      eb.fn.count<number>("complainedAt").as("complained"),
    ])
    .where("mailingId", "=", mailingId)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, Number(v)]),
  ) as unknown as MailingProgress;
}

/** How many would receive it now (for the compose screen). */
export async function countAudience(
  db: Executor,
  campaignId: number | null,
  audience: RecipientQuery,
): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from supporters s where s.id in (${audience}) and ${eligible(campaignId)}`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Updates stuck in `sending` (nothing sent for `minutes`): their worker died holding the job's
 * lock. Adding the job again under the same key gives it a fresh, unlocked run; the fan-out is
 * safe to run twice, even at once, because batches are frozen and sent under fixed keys.
 */
export async function requeueStalledMailings(db: Executor, minutes: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select m.id from mailings m
    where m.status = 'sending'
      and coalesce((select max(d.sent_at) from deliveries d where d.mailing_id = m.id), m.started_at, m.updated_at) < now() - make_interval(mins => ${minutes})`.execute(
    db,
  );
  for (const { id } of rows.rows) {
    await addJob(db, "send_mailing", { id }, { jobKey: mailingJobKey(id), maxAttempts: 10 });
  }
  return rows.rows.map((r) => Number(r.id));
}
