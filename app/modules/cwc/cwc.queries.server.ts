import { sql } from "kysely";
import type { CwcStatus } from "~db/schema";
import type { Executor } from "~db/index.server";

/* CWC deliveries: one row per letter and office, its DeliveryId, status and answer; pacing slots. */

/** What a CWC message is built from: the stored letter and its writer (aliases l and s). */
const MESSAGE_COLUMNS = [
  "l.subject",
  "l.body",
  "l.sentAt",
  "s.prefix",
  "s.firstName",
  "s.lastName",
  "s.street",
  "s.city",
  "s.state",
  "s.zip",
  "s.zip4",
  "s.phone",
  "s.personalNote",
  "s.emailConfirmedAt",
] as const;

export interface DeliveryValues {
  letterId: number;
  campaignId: number;
  office: string;
  deliveryId: string;
  status: CwcStatus;
  reason: string | null;
  congress: number;
}

/** Inserts deliveries (a letter and office already there is left as it is); returns the new ones' ids. */
export async function insertDeliveries(db: Executor, rows: DeliveryValues[]): Promise<number[]> {
  if (!rows.length) return [];
  const out = await db
    .insertInto("cwcDeliveries")
    .values(rows)
    .onConflict((oc) => oc.columns(["letterId", "office"]).doNothing())
    .returning(["id", "status"])
    .execute();
  return out.filter((r) => r.status === "queued").map((r) => Number(r.id));
}

/** The letters of a submission with their member's seat (to name each recipient office). */
export function listSubmissionSeats(db: Executor, submissionId: number) {
  return db
    .selectFrom("letters as l")
    .innerJoin("letterSubmissions as s", "s.id", "l.submissionId")
    .innerJoin("legislators as g", (j) =>
      j.onRef("g.bioguide", "=", "l.bioguide").on(sql<boolean>`g.congress = coalesce(s.congress, 119)`),
    )
    .select([
      "l.id",
      "l.campaignId",
      "l.sentAt",
      "g.chamber",
      "g.state",
      "g.district",
      "g.senateClass",
      "g.congress",
    ])
    .where("l.submissionId", "=", submissionId)
    .execute();
}

/** Everything the message of one delivery is built from. */
export function findDeliveryForSend(db: Executor, id: number) {
  return db
    .selectFrom("cwcDeliveries as d")
    .innerJoin("letters as l", "l.id", "d.letterId")
    .innerJoin("letterSubmissions as s", "s.id", "l.submissionId")
    .innerJoin("supporters as p", "p.id", "s.supporterId")
    .innerJoin("campaigns as c", "c.id", "l.campaignId")
    .select([
      "d.id",
      "d.letterId",
      "d.office",
      "d.deliveryId",
      "d.status",
      "d.attempts",
      "d.congress",
      ...MESSAGE_COLUMNS,
      "s.district",
      "p.email",
      "c.slug as campaignSlug",
      "c.cwcTopic as campaignTopic",
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

/** Re-addresses a queued delivery to the office that holds the seat in a new Congress. */
export async function readdressDelivery(
  db: Executor,
  id: number,
  values: { office: string; deliveryId: string; congress: number; note: string },
): Promise<void> {
  await db.updateTable("cwcDeliveries").set(values).where("id", "=", id).execute();
}

/** Who holds a seat in a Congress (null: vacant or gone). */
export function findSeatHolder(
  db: Executor,
  congress: number,
  seat: { chamber: "house" | "senate"; state: string; district: number | null; senateClass: number | null },
) {
  let q = db
    .selectFrom("legislators")
    .select(["bioguide", "fullName"])
    .where("congress", "=", congress)
    .where("chamber", "=", seat.chamber)
    .where("state", "=", seat.state);
  q =
    seat.chamber === "senate"
      ? q.where("senateClass", "=", seat.senateClass)
      : q.where("district", "=", seat.district);
  return q.executeTakeFirst();
}

/** A ZIP's House districts in a state under a Congress's map. */
export async function findZipDistrictsIn(db: Executor, congress: number, zip: string, state: string) {
  const rows = await db
    .selectFrom("zipDistricts")
    .select("district")
    .where("congress", "=", congress)
    .where("zip", "=", zip)
    .where("state", "=", state)
    .orderBy("district")
    .execute();
  return rows.map((r) => r.district);
}

export async function updateDelivery(
  db: Executor,
  id: number,
  values: { status: CwcStatus; reason?: string | null; sent?: boolean; answered?: boolean },
): Promise<void> {
  await db
    .updateTable("cwcDeliveries")
    .set((eb) => ({
      status: values.status,
      reason: values.reason ?? null,
      ...(values.sent ? { sentAt: sql<Date>`now()`, attempts: eb("attempts", "+", 1) } : {}),
      ...(values.answered ? { answeredAt: sql<Date>`now()` } : {}),
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * Takes the chamber's next sending slot when it is within `aheadMs`: returns the slot's time, or
 * null with the time the next slot frees (the caller then runs again later).
 */
export async function reserveSlot(
  db: Executor,
  chamber: "house" | "senate",
  intervalMs: number,
  aheadMs: number,
): Promise<{ slot: Date | null; nextFree: Date }> {
  await sql`insert into cwc_pacing (chamber) values (${chamber}) on conflict do nothing`.execute(db);
  const taken = await sql<{ slot: Date }>`
    update cwc_pacing
    set next_slot = greatest(next_slot, clock_timestamp()) + make_interval(secs => ${intervalMs / 1000})
    where chamber = ${chamber} and next_slot <= clock_timestamp() + make_interval(secs => ${aheadMs / 1000})
    returning next_slot - make_interval(secs => ${intervalMs / 1000}) as slot
  `.execute(db);
  if (taken.rows[0]) return { slot: new Date(taken.rows[0].slot), nextFree: new Date(taken.rows[0].slot) };
  const row = await db
    .selectFrom("cwcPacing")
    .select("nextSlot")
    .where("chamber", "=", chamber)
    .executeTakeFirstOrThrow();
  return { slot: null, nextFree: new Date(row.nextSlot) };
}

/** The writer's view: each letter's deliveries. */
export function listSubmissionDeliveries(db: Executor, submissionId: number) {
  return db
    .selectFrom("cwcDeliveries as d")
    .innerJoin("letters as l", "l.id", "d.letterId")
    .select(["d.letterId", "d.office", "d.status", "d.reason", "d.note", "d.answeredAt"])
    .where("l.submissionId", "=", submissionId)
    .execute();
}

/** Counts by office and status, for a campaign or (campaignId null) everywhere. */
export function countDeliveriesByOffice(db: Executor, campaignId: number | null) {
  let q = db
    .selectFrom("cwcDeliveries")
    .select(["office", "status", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy(["office", "status"])
    .orderBy("office");
  if (campaignId !== null) q = q.where("campaignId", "=", campaignId);
  return q.execute();
}

/** The refusals of a campaign, newest first (organizers read the office's reason). */
export function listRefusals(db: Executor, campaignId: number, limit = 50) {
  return db
    .selectFrom("cwcDeliveries")
    .select(["office", "reason", "answeredAt", "letterId"])
    .where("campaignId", "=", campaignId)
    .where("status", "=", "refused")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export interface ExportFilter {
  campaignId: number;
  /** `HVT00`, `SVT01`: the office's letters only. */
  office: { chamber: "house" | "senate"; state: string; district: number; senateClass: number } | null;
  /** YYYY-MM-DD, the day (Eastern) the letters were written. */
  day: string | null;
}

/** One page (by letter id) of the letters a CWC export holds, with everything their messages need. */
export function listExportLetters(db: Executor, filter: ExportFilter, afterId: number, limit: number) {
  // The page's letter ids first (an index range on letters), then the joins for those rows only.
  let page = db
    .selectFrom("letters as l")
    .select("l.id")
    .where("l.campaignId", "=", filter.campaignId)
    .where("l.id", ">", afterId)
    .where("l.bioguide", "is not", null)
    .orderBy("l.id")
    .limit(limit);
  const o = filter.office;
  if (o?.chamber === "senate")
    // whoever held the seat in any stored Congress (the seat, not the person, is the office)
    page = page
      .where("l.recipientKind", "=", "senate")
      .where("l.bioguide", "in", (eb) =>
        eb
          .selectFrom("legislators")
          .select("bioguide")
          .where("chamber", "=", "senate")
          .where("state", "=", o.state)
          .where("senateClass", "=", o.senateClass),
      );
  if (o?.chamber === "house")
    page = page
      .where("l.recipientKind", "=", "house")
      .where("l.state", "=", o.state)
      .where("l.district", "=", o.district);
  if (filter.day)
    page = page.where(sql<boolean>`(l.sent_at at time zone 'America/New_York')::date = ${filter.day}::date`);
  return db
    .selectFrom("letters as l")
    .innerJoin("letterSubmissions as s", "s.id", "l.submissionId")
    .innerJoin("legislators as g", (j) =>
      j.onRef("g.bioguide", "=", "l.bioguide").on(sql<boolean>`g.congress = coalesce(s.congress, 119)`),
    )
    .innerJoin("supporters as p", "p.id", "s.supporterId")
    .innerJoin("campaigns as c", "c.id", "l.campaignId")
    .select([
      "l.id",
      "g.chamber",
      "g.state as memberState",
      "g.district as memberDistrict",
      "g.senateClass",
      ...MESSAGE_COLUMNS,
      "p.email",
      "c.slug as campaignSlug",
      "c.cwcTopic as campaignTopic",
    ])
    .where("l.id", "in", page)
    .orderBy("l.id")
    .execute();
}
