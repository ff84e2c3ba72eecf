import { sql, type Selectable } from "kysely";
import type { Executor } from "~db/index.server";
import type { DonationStatus, DonationsTable } from "~db/schema";

// ---- funds (per-campaign goal and roll-up) ----

export function findFund(db: Executor, campaignId: number) {
  return db.selectFrom("donationFunds").selectAll().where("campaignId", "=", campaignId).executeTakeFirst();
}

/** Applies one gift's change to its campaign's roll-up (same transaction as the change). */
export async function adjustFund(
  db: Executor,
  campaignId: number,
  delta: { cents: number; gifts: number; donors: number },
) {
  await db
    .updateTable("donationFunds")
    .set({
      raisedCents: sql`raised_cents + ${delta.cents}`,
      giftCount: sql`gift_count + ${delta.gifts}`,
      donorCount: sql`donor_count + ${delta.donors}`,
      updatedAt: sql`now()`,
    })
    .where("campaignId", "=", campaignId)
    .execute();
}

export async function setFundGoal(db: Executor, campaignId: number, goalCents: number) {
  await db
    .insertInto("donationFunds")
    .values({ campaignId, goalCents })
    .onConflict((oc) => oc.column("campaignId").doUpdateSet({ goalCents, updatedAt: sql`now()` }))
    .execute();
}

// ---- donations ----

export type NewDonation = Pick<
  Selectable<DonationsTable>,
  | "formKey"
  | "manageToken"
  | "campaignId"
  | "supporterId"
  | "frequency"
  | "amountCents"
  | "name"
  | "email"
  | "testMode"
>;

/** One donation per submitted form: a second submission of the same form finds the first. */
export async function insertDonationOnce(db: Executor, d: NewDonation) {
  const inserted = await db
    .insertInto("donations")
    .values(d)
    .onConflict((oc) => oc.column("formKey").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  return {
    row: await db
      .selectFrom("donations")
      .selectAll()
      .where("formKey", "=", d.formKey)
      .executeTakeFirstOrThrow(),
    created: false,
  };
}

export async function setDonationCheckout(db: Executor, id: number, sessionId: string, url: string) {
  await db
    .updateTable("donations")
    .set({ checkoutSessionId: sessionId, checkoutUrl: url })
    .where("id", "=", id)
    .where("checkoutSessionId", "is", null)
    .execute();
}

export function findDonationById(db: Executor, id: number) {
  return db.selectFrom("donations").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findDonationBySession(db: Executor, sessionId: string) {
  return db.selectFrom("donations").selectAll().where("checkoutSessionId", "=", sessionId).executeTakeFirst();
}

export function findDonationByManageToken(db: Executor, token: string) {
  return db.selectFrom("donations").selectAll().where("manageToken", "=", token).executeTakeFirst();
}

/** The donation an event is about: by our id in its metadata, then by session or subscription. */
export async function findDonationByRef(
  db: Executor,
  ref: { id?: number | null; sessionId?: string | null; subscriptionId?: string | null },
) {
  const base = db.selectFrom("donations").selectAll();
  if (ref.id) {
    const row = await base.where("id", "=", ref.id).executeTakeFirst();
    if (row) return row;
  }
  if (ref.sessionId) {
    const row = await base.where("checkoutSessionId", "=", ref.sessionId).executeTakeFirst();
    if (row) return row;
  }
  if (ref.subscriptionId) return base.where("subscriptionId", "=", ref.subscriptionId).executeTakeFirst();
  return undefined;
}

export async function updateDonationFacts(
  db: Executor,
  id: number,
  facts: {
    checkoutSessionId?: string | null;
    subscriptionId?: string | null;
    customerId?: string | null;
    email?: string | null;
    name?: string | null;
    supporterId?: number | null;
    completed?: boolean;
    canceled?: boolean;
    paymentFailed?: boolean;
  },
) {
  await db
    .updateTable("donations")
    .set({
      checkoutSessionId: sql`coalesce(checkout_session_id, ${facts.checkoutSessionId ?? null})`,
      subscriptionId: sql`coalesce(subscription_id, ${facts.subscriptionId ?? null})`,
      customerId: sql`coalesce(customer_id, ${facts.customerId ?? null})`,
      email: sql`coalesce(email, ${facts.email ?? null})`,
      name: sql`coalesce(nullif(name, ''), ${facts.name ?? ""})`,
      supporterId: sql`coalesce(supporter_id, ${facts.supporterId ?? null}::bigint)`,
      ...(facts.completed ? { completedAt: sql`coalesce(completed_at, now())` } : {}),
      ...(facts.canceled ? { canceledAt: sql`coalesce(canceled_at, now())` } : {}),
      ...(facts.paymentFailed ? { lastPaymentFailedAt: sql`now()` } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function setDonationStatus(db: Executor, id: number, status: DonationStatus) {
  await db
    .updateTable("donations")
    .set({ status })
    .where("id", "=", id)
    .where("status", "<>", status)
    .execute();
}

// ---- gifts ----

export async function lockGift(
  db: Executor,
  key: { paymentIntentId?: string | null; invoiceId?: string | null },
) {
  const { paymentIntentId, invoiceId } = key;
  const find = () =>
    db
      .selectFrom("donationGifts")
      .selectAll()
      .where((eb) =>
        eb.or([
          ...(paymentIntentId ? [eb("paymentIntentId", "=", paymentIntentId)] : []),
          ...(invoiceId ? [eb("invoiceId", "=", invoiceId)] : []),
        ]),
      )
      .orderBy("id")
      .forUpdate()
      .executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  await db
    .insertInto("donationGifts")
    .values({ paymentIntentId: paymentIntentId ?? null, invoiceId: invoiceId ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const created = await find();
  if (!created) throw new Error("gift row vanished");
  return created;
}

export interface GiftFacts {
  donationId?: number | null;
  paymentIntentId?: string | null;
  invoiceId?: string | null;
  amountCents?: number | null;
  refundedCents?: number | null;
  paid?: boolean;
  failed?: boolean;
  refunded?: boolean;
  disputed?: boolean;
  disputeOutcome?: "won" | "lost" | null;
}

/** Sets facts that are not yet known; never clears one (so events commute). */
export function updateGiftFacts(db: Executor, id: number, f: GiftFacts) {
  return db
    .updateTable("donationGifts")
    .set({
      donationId: sql`coalesce(donation_id, ${f.donationId ?? null}::bigint)`,
      paymentIntentId: sql`coalesce(payment_intent_id, ${f.paymentIntentId ?? null})`,
      invoiceId: sql`coalesce(invoice_id, ${f.invoiceId ?? null})`,
      amountCents: sql`case when amount_cents = 0 then coalesce(${f.amountCents ?? null}::bigint, 0) else amount_cents end`,
      refundedCents: sql`greatest(refunded_cents, coalesce(${f.refundedCents ?? null}::bigint, 0))`,
      ...(f.paid ? { paidAt: sql`coalesce(paid_at, now())` } : {}),
      ...(f.failed ? { failedAt: sql`coalesce(failed_at, now())` } : {}),
      ...(f.refunded ? { refundedAt: sql`coalesce(refunded_at, now())` } : {}),
      ...(f.disputed || f.disputeOutcome ? { disputedAt: sql`coalesce(disputed_at, now())` } : {}),
      ...(f.disputeOutcome ? { disputeOutcome: sql`coalesce(dispute_outcome, ${f.disputeOutcome})` } : {}),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listGiftStatuses(db: Executor, donationId: number) {
  return db
    .selectFrom("donationGifts")
    .select(["status"])
    .where("donationId", "=", donationId)
    .orderBy("id")
    .execute();
}

// ---- events ----

/** Records an event id; false when it was already recorded (a replay). */
export async function recordStripeEvent(db: Executor, id: string, type: string): Promise<boolean> {
  const row = await db
    .insertInto("stripeEvents")
    .values({ id, type })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** Moves a donation's count of counted gifts atomically; returns the new count and its campaign. */
export function bumpCountedGifts(db: Executor, donationId: number, delta: number) {
  return db
    .updateTable("donations")
    .set({ countedGifts: sql`counted_gifts + ${delta}` })
    .where("id", "=", donationId)
    .returning(["countedGifts", "campaignId"])
    .executeTakeFirstOrThrow();
}

export function findDonationForReceipt(db: Executor, id: number) {
  return db
    .selectFrom("donations")
    .leftJoin("campaigns", "campaigns.id", "donations.campaignId")
    .select([
      "donations.id",
      "donations.email",
      "donations.name",
      "donations.frequency",
      "donations.manageToken",
      "donations.testMode",
      "campaigns.title as campaignTitle",
    ])
    .where("donations.id", "=", id)
    .executeTakeFirst();
}
