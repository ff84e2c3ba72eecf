import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { LogEntryStatus } from "~db/schema";

export interface UnloggedSignature {
  id: number;
  petitionId: number;
  state: string;
  logState: string | null;
  withdrawn: boolean;
  confirmedAt: Date | null;
  usState: string | null;
  district: number | null;
  invalidationId: number | null;
  invalidationRule: string | null;
}

/**
 * Signatures whose state moved away from what the log shows (the partial index's predicate),
 * locked and marked as logged in the same statement: one write of each signature row, where a
 * select then an update from a list wrote it twice (the caller appends their lines in the same
 * transaction, so the mark and the lines commit together). `logState` is what the log showed before.
 */
export async function claimUnloggedSignatures(trx: Executor, limit: number): Promise<UnloggedSignature[]> {
  const r = await sql<UnloggedSignature>`
    with batch as (
      select s.id, s.petition_id, s.state, s.log_state, s.withdrawn_at is not null as withdrawn,
        case when s.confirmed_at is not null or s.state = 'confirmed' then coalesce(s.confirmed_at, s.created_at) end as confirmed_at,
        s.us_state, s.district, s.invalidation_id, si.rule->>'rule' as invalidation_rule
      from signatures s left join signature_invalidations si on si.id = s.invalidation_id
      where s.state <> 'pending' and s.log_state is distinct from 'erased'
        and s.log_state is distinct from (case when s.withdrawn_at is not null then 'withdrawn' else s.state end)
      order by s.id
      limit ${limit}
      for update of s skip locked
    ),
    marked as (
      update signatures s set log_state = case when b.withdrawn then 'withdrawn' else b.state end
      from batch b where s.id = b.id
      returning s.id
    )
    select b.* from batch b join marked m on m.id = b.id order by b.id`.execute(trx);
  return r.rows;
}

/** One appender per petition: positions are handed out in order, never twice. */
export async function lockPetitionLog(trx: Executor, petitionId: number) {
  await sql`select pg_advisory_xact_lock(hashtext('transparency.log'), ${petitionId}::int)`.execute(trx);
}

export async function findLogForUpdate(trx: Executor, petitionId: number) {
  return trx
    .selectFrom("transparencyLogs")
    .select(["size", "frontier", "tally", "checkpointSize"])
    .where("petitionId", "=", petitionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveLog(
  trx: Executor,
  row: { petitionId: number; size: number; frontier: string[]; tally: object; checkpointDue: boolean },
) {
  const values = {
    petitionId: row.petitionId,
    size: row.size,
    frontier: JSON.stringify(row.frontier),
    tally: JSON.stringify(row.tally),
    checkpointDue: row.checkpointDue,
  };
  await trx
    .insertInto("transparencyLogs")
    .values(values)
    .onConflict((oc) =>
      oc.column("petitionId").doUpdateSet({
        size: values.size,
        frontier: values.frontier,
        tally: values.tally,
        checkpointDue: sql<boolean>`transparency_logs.checkpoint_due or excluded.checkpoint_due`,
        updatedAt: sql`now()`,
      }),
    )
    .execute();
}

export interface LogEntry {
  signatureId: number;
  petitionId: number;
  nonce: Buffer | null;
  position: number | null;
  status: LogEntryStatus | null;
  usState: string | null;
  district: number | null;
  hour: string | null;
}

export function findLogEntries(trx: Executor, signatureIds: number[]): Promise<LogEntry[]> {
  if (!signatureIds.length) return Promise.resolve([]);
  return trx
    .selectFrom("signatureLogEntries")
    .selectAll()
    .where("signatureId", "=", sql<number>`any(${signatureIds}::bigint[])`)
    .orderBy("signatureId")
    .execute();
}

/** The random bytes behind a signature's commitment, made once (at confirmation, or when it enters the log). */
export async function insertNonceOnce(trx: Executor, petitionId: number, signatureId: number, nonce: Buffer) {
  await trx
    .insertInto("signatureLogEntries")
    .values({ signatureId, petitionId, nonce })
    .onConflict((oc) => oc.column("signatureId").doNothing())
    .execute();
  return trx
    .selectFrom("signatureLogEntries")
    .select(["nonce"])
    .where("signatureId", "=", signatureId)
    .executeTakeFirstOrThrow();
}

export async function saveLogEntries(trx: Executor, entries: LogEntry[]) {
  if (!entries.length) return;
  await sql`
    insert into signature_log_entries (signature_id, petition_id, nonce, position, status, us_state, district, hour)
    select * from unnest(${entries.map((e) => e.signatureId)}::bigint[], ${entries.map((e) => e.petitionId)}::bigint[],
      ${entries.map((e) => e.nonce)}::bytea[], ${entries.map((e) => e.position)}::bigint[], ${entries.map((e) => e.status)}::text[],
      ${entries.map((e) => e.usState)}::text[], ${entries.map((e) => e.district)}::int[], ${entries.map((e) => e.hour)}::text[])
    on conflict (signature_id) do update set nonce = excluded.nonce, position = excluded.position,
      status = excluded.status, us_state = excluded.us_state, district = excluded.district, hour = excluded.hour`.execute(
    trx,
  );
}

export async function insertLogLines(
  trx: Executor,
  petitionId: number,
  lines: Array<{ position: number; line: string }>,
) {
  if (!lines.length) return;
  await sql`
    insert into transparency_log_lines (petition_id, position, line)
    select ${petitionId}, * from unnest(${lines.map((l) => l.position)}::bigint[], ${lines.map((l) => l.line)}::text[])`.execute(
    trx,
  );
}

/**
 * Logs with lines no checkpoint covers yet whose checkpoint is due: at once (`checkpoint_due`, or
 * none yet), or the cadence has passed since the last one. Locked, skipping a log another
 * transaction is appending to (the next run signs it).
 */
export async function findDueLogs(trx: Executor, cadenceSeconds: number, petitionIds?: number[]) {
  let q = trx
    .selectFrom("transparencyLogs")
    .select(["petitionId", "size", "frontier", "tally"])
    .whereRef("size", ">", "checkpointSize")
    .where((eb) =>
      eb.or([
        eb("checkpointDue", "=", true),
        eb("checkpointedAt", "is", null),
        eb("checkpointedAt", "<=", sql<Date>`now() - make_interval(secs => ${cadenceSeconds})`),
      ]),
    );
  if (petitionIds) q = q.where("petitionId", "=", sql<number>`any(${petitionIds}::bigint[])`);
  return q.orderBy("petitionId").forUpdate().skipLocked().execute();
}

/** Publishes a signed checkpoint with the tally at its size, and records it on the log's row. */
export async function insertCheckpoint(
  trx: Executor,
  row: { petitionId: number; size: number; note: string; tally: object },
) {
  await trx
    .insertInto("transparencyCheckpoints")
    .values({ ...row, tally: JSON.stringify(row.tally) })
    .onConflict((oc) => oc.columns(["petitionId", "size"]).doNothing())
    .execute();
  await trx
    .updateTable("transparencyLogs")
    .set({ checkpointSize: row.size, checkpointedAt: sql`now()`, checkpointDue: false })
    .where("petitionId", "=", row.petitionId)
    .execute();
}

/** Erasure: the random bytes go, the signature's row stays out of the appender's way. */
export async function eraseEntries(trx: Executor, signatureIds: number[]) {
  await trx
    .updateTable("signatureLogEntries")
    .set({ nonce: null, status: "erased" })
    .where("signatureId", "in", signatureIds)
    .execute();
  await trx.updateTable("signatures").set({ logState: "erased" }).where("id", "in", signatureIds).execute();
}

/** A live (not draft) petition's id by its campaign's slug. */
export function findPublicPetition(db: Executor, slug: string) {
  return db
    .selectFrom("petitions")
    .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
    .select(["petitions.id", "campaigns.slug", "campaigns.title"])
    .where("campaigns.slug", "=", slug)
    .where("campaigns.status", "<>", "draft")
    .executeTakeFirst();
}

/** A checkpoint with the tally published with it: the latest, or the one of a given size. */
export async function findCheckpoint(db: Executor, petitionId: number, size?: number) {
  let q = db
    .selectFrom("transparencyCheckpoints")
    .select(["size", "note", "tally"])
    .where("petitionId", "=", petitionId);
  q = size === undefined ? q.orderBy("size", "desc").limit(1) : q.where("size", "=", size);
  return q.executeTakeFirst();
}

export function listCheckpointSizes(db: Executor, petitionId: number, limit: number) {
  return db
    .selectFrom("transparencyCheckpoints")
    .select(["size", "createdAt"])
    .where("petitionId", "=", petitionId)
    .orderBy("size", "desc")
    .limit(limit)
    .execute();
}

export async function readLogLines(db: Executor, petitionId: number, from: number, to: number) {
  const rows = await db
    .selectFrom("transparencyLogLines")
    .select("line")
    .where("petitionId", "=", petitionId)
    .where("position", ">=", from)
    .where("position", "<", to)
    .orderBy("position")
    .execute();
  return rows.map((r) => r.line);
}

export async function countPending(db: Executor, petitionId: number): Promise<number> {
  const r = await db
    .selectFrom("petitionCounts")
    .select("n")
    .where("petitionId", "=", petitionId)
    .where("state", "=", "pending")
    .executeTakeFirst();
  return r?.n ?? 0;
}
