import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/*
 * The statements of an erasure, one per table. Each takes the person (their supporter id and
 * address) and returns how many rows it touched; none removes a row that a count is made of.
 */
export interface ErasedPerson {
  supporterId: number;
  email: string;
}

const n = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0n);
const sameAddress = (column: string, email: string) =>
  sql<boolean>`lower(${sql.ref(column)}) = ${email.toLowerCase()}`;

export function findErasable(db: Executor, supporterId: number) {
  return db
    .selectFrom("supporters")
    .select(["id", "email", "erasedAt"])
    .where("id", "=", supporterId)
    .executeTakeFirst();
}

/** The Stripe customers that hold a copy of the person (their gifts' customers). */
export async function listStripeCustomers(db: Executor, p: ErasedPerson): Promise<string[]> {
  const rows = await db
    .selectFrom("donations")
    .select("customerId")
    .distinct()
    .where((eb) => eb.or([eb("supporterId", "=", p.supporterId), sameAddress("email", p.email)]))
    .where("customerId", "is not", null)
    .execute();
  return rows.map((r) => r.customerId!);
}

/** Signatures keep their state, petition, state and district (the counts), nothing that names the signer. */
export async function signatureIdsOf(db: Executor, p: ErasedPerson): Promise<number[]> {
  const rows = await db
    .selectFrom("signatures")
    .select("id")
    .where("supporterId", "=", p.supporterId)
    .execute();
  return rows.map((r) => r.id);
}

export async function anonymiseSignatures(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("signatures")
      .set({
        emailCanonical: sql`'erased:' || id`,
        emailDomain: "",
        firstName: "",
        lastName: "",
        zip: null,
        city: null,
        comment: null,
        showName: false,
        ipHash: null,
        userAgentClass: null,
        tokenHash: null,
      })
      .where("supporterId", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

/** Letter sets keep their campaign, state and district; the sender's name, address and note go. */
export async function anonymiseLetterSubmissions(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("letterSubmissions")
      .set({
        token: sql`'erased:' || id`,
        firstName: "",
        lastName: "",
        street: "",
        city: "",
        zip: "",
        personalNote: "",
        ipHash: null,
      })
      .where("supporterId", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

/** Each letter keeps its recipient and method (the office counts); its text, which signs with the sender's name, goes. */
export async function scrubLetters(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("letters")
      .set({ body: "(erased at the sender's request)" })
      .where("supporterId", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

/** Their call reports stay counted, anonymous as any other call (no supporter, no IP hash). */
export async function unlinkCalls(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("calls")
      .set({ supporterId: null, ipHash: null })
      .where("supporterId", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

/** Gifts keep what tax law needs (amount, currency, dates, status, payment ids); the donor's name and address go. */
export async function anonymiseDonations(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("donations")
      .set({
        name: "",
        email: null,
        customerId: null,
        checkoutUrl: null,
        manageToken: sql`'erased:' || id`,
      })
      .where((eb) => eb.or([eb("supporterId", "=", p.supporterId), sameAddress("email", p.email)]))
      .executeTakeFirst(),
  );
}

/** Consents end (their wording and dates stay, as the record that mail was allowed until now). */
export async function endConsents(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("consents")
      .set({ withdrawnAt: sql`coalesce(withdrawn_at, now())` })
      .where("supporterId", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

export async function deleteOptOuts(db: Executor, p: ErasedPerson) {
  return n(
    await db.deleteFrom("campaignOptOuts").where("supporterId", "=", p.supporterId).executeTakeFirst(),
  );
}

/** Deliveries keep their status (an update's figures); the address goes. */
export async function scrubDeliveries(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("deliveries")
      .set({ email: "" })
      .where("supporterId", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

/** Emails we sent them (receipts, confirmations, links): their copies go. */
export async function deleteEmails(db: Executor, p: ErasedPerson) {
  return n(await db.deleteFrom("emails").where(sameAddress("toAddress", p.email)).executeTakeFirst());
}

/** Provider events about mail to them (their payload names the address). */
export async function deleteEmailEvents(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .deleteFrom("emailEvents")
      .where(sql<boolean>`strpos(lower(payload::text), ${p.email.toLowerCase()}) > 0`)
      .executeTakeFirst(),
  );
}

/** Tips they sent keep their text (the evidence) and lose who sent them. */
export async function anonymiseTips(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("tips")
      .set({ name: null, email: null, phone: null, ipHash: null })
      .where(sameAddress("email", p.email))
      .executeTakeFirst(),
  );
}

/** Organizers' tags may name the person ("Smith family"): they go. */
export async function deleteTags(db: Executor, p: ErasedPerson) {
  return n(await db.deleteFrom("supporterTags").where("supporterId", "=", p.supporterId).executeTakeFirst());
}

export async function deleteLinks(db: Executor, p: ErasedPerson) {
  return n(await db.deleteFrom("supporterLinks").where("supporterId", "=", p.supporterId).executeTakeFirst());
}

/** Audit entries whose details name the address keep their action and lose the details. */
export async function scrubAuditLog(db: Executor, p: ErasedPerson) {
  return n(
    await db
      .updateTable("auditLog")
      .set({ details: JSON.stringify({ erased: true }) })
      .where(sql<boolean>`strpos(lower(details::text), ${p.email.toLowerCase()}) > 0`)
      .executeTakeFirst(),
  );
}

/** The row stays (every action points at it) with nothing personal left. */
export async function anonymiseSupporter(db: Executor, p: ErasedPerson) {
  const placeholder = `erased-${p.supporterId}@erased.invalid`;
  return n(
    await db
      .updateTable("supporters")
      .set({
        email: placeholder,
        emailCanonical: placeholder,
        firstName: "",
        lastName: "",
        zip: null,
        city: null,
        state: null,
        district: null,
        confirmedAt: null,
        erasedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where("id", "=", p.supporterId)
      .executeTakeFirst(),
  );
}

export function insertErasure(
  db: Executor,
  e: {
    supporterId: number;
    requestedBy: "supporter" | "organizer";
    organizerId: number | null;
    steps: Record<string, number>;
  },
) {
  return db
    .insertInto("erasures")
    .values({ ...e, steps: JSON.stringify(e.steps) })
    .returning("id")
    .executeTakeFirstOrThrow();
}
