import { type RawBuilder, sql } from "kysely";
import type { Executor } from "~db/index.server";

export interface OutboxSignature {
  id: number;
  petitionId: number;
  campaignId: number;
  state: string;
  firstName: string;
  email: string;
  title: string;
  slug: string;
  tokenHash: string | null;
  alreadySignedNotices: number;
  /** The language of the page it was given on (its emails are written in it). */
  language: string;
}

/** Signatures matching `where`, with what their emails need, locked for this batch (skipping locked ones). */
async function claimSignatures(
  trx: Executor,
  where: RawBuilder<unknown>,
  limit: number,
): Promise<OutboxSignature[]> {
  const r = await sql<OutboxSignature>`
    select s.id, s.petition_id, p.campaign_id, s.state, s.first_name, sup.email, c.title, c.slug, s.token_hash,
      s.already_signed_notices, s.language
    from signatures s
    join supporters sup on sup.id = s.supporter_id
    join petitions p on p.id = s.petition_id
    join campaigns c on c.id = p.campaign_id
    where ${where}
    order by s.id
    limit ${limit}
    for update of s skip locked`.execute(trx);
  return r.rows;
}

/** Pending signatures whose confirmation email has not gone out (the outbox), locked for this batch. */
export function claimUnsentConfirmations(trx: Executor, limit: number): Promise<OutboxSignature[]> {
  return claimSignatures(trx, sql`s.state = 'pending' and s.confirmation_sent_at is null`, limit);
}

/** Signatures someone tried to sign again, with "already signed" notes still owed. */
export function claimOwedNotices(trx: Executor, limit: number): Promise<OutboxSignature[]> {
  return claimSignatures(trx, sql`s.already_signed_sent < s.already_signed_notices`, limit);
}

export async function markConfirmationsSent(trx: Executor, rows: Array<{ id: number; tokenHash: string }>) {
  if (!rows.length) return;
  await sql`
    update signatures s set confirmation_sent_at = now(), token_hash = coalesce(s.token_hash, d.token_hash)
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.tokenHash)}::text[]) as d(id, token_hash)
    where s.id = d.id`.execute(trx);
}

export async function markNoticesSent(trx: Executor, rows: Array<{ id: number; notices: number }>) {
  if (!rows.length) return;
  await sql`
    update signatures s set already_signed_sent = d.n
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.notices)}::int[]) as d(id, n)
    where s.id = d.id`.execute(trx);
}

export function findSignatureByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom("signatures")
    .innerJoin("petitions", "petitions.id", "signatures.petitionId")
    .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
    .innerJoin("supporters", "supporters.id", "signatures.supporterId")
    .select([
      "signatures.id",
      "signatures.petitionId",
      "signatures.supporterId",
      "signatures.state",
      "signatures.firstName",
      "signatures.createdAt",
      "signatures.confirmedAt",
      "signatures.countedState",
      "signatures.language",
      "petitions.campaignId",
      "supporters.email",
      "campaigns.title",
      "campaigns.slug",
    ])
    .where("signatures.tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/** pending -> confirmed, once; true when this call made the change. */
export async function confirmPendingSignature(trx: Executor, id: number, notBefore: Date): Promise<boolean> {
  const r = await trx
    .updateTable("signatures")
    .set({ state: "confirmed", confirmedAt: sql`now()` })
    .where("id", "=", id)
    .where("state", "=", "pending")
    .where("createdAt", ">", notBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function deletePendingSignature(trx: Executor, id: number) {
  return trx
    .deleteFrom("signatures")
    .where("id", "=", id)
    .where("state", "=", "pending")
    .returning(["petitionId", "countedState"])
    .executeTakeFirst();
}
