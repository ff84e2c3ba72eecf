import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Executor } from "~db/index.server";
import type { CwcStatus } from "~db/schema";
import { env } from "~/env.server";
import { now as clockNow } from "~/lib/clock.server";
import { log } from "~/lib/log.server";
import { addJob } from "~/modules/jobs/jobs.queries.server";
import { officeCode } from "~/modules/legislators/seats";
import { letterParts } from "~/modules/letters/letters";
import { defineSetting, getSetting, setSetting } from "~/modules/settings/settings.server";
import { type Chamber, chamberOf, deliveryIdFrom, maintenanceMinutesLeft } from "./cwc";
import { campaignCwcTopic } from "./cwc-topic.server";
import { cwcAgent, cwcConfigured, fetchSenateActiveOffices, postCwcMessage } from "./cwc-adapter.server";
import { buildCwcXml, type CwcAgent, cwcDate } from "./cwc-xml";
import { reresolveAtDelivery } from "./cwc-congress.server";
import {
  findDeliveryForSend,
  insertDeliveries,
  listSubmissionSeats,
  reserveSlot,
  updateDelivery,
} from "./cwc.queries.server";

/*
 * Delivery through CWC: one row and one job per letter and office, added in the transaction that
 * stores the letters. The job builds the message from the stored letter, waits for the chamber's
 * pacing slot and maintenance windows, and records the answer. The DeliveryId is derived from
 * the letter, the office and the moment the letter was stored, so every retry (and an XML
 * download of the same letter) carries the same one.
 */

/** The stable 32-character DeliveryId of a letter to an office. */
export function deliveryIdFor(letterId: number, office: string, sentAt: Date): string {
  return deliveryIdFrom(
    createHash("sha256").update(`cwc:${letterId}:${office}:${sentAt.toISOString()}`).digest(),
  );
}

export function seatOffice(s: {
  chamber: "house" | "senate";
  state: string;
  district: number | null;
  senateClass: number | null;
}): string {
  return s.chamber === "senate"
    ? officeCode({ chamber: "senate", state: s.state, senateClass: s.senateClass ?? 0 })
    : officeCode({ chamber: "house", state: s.state, district: s.district });
}

/** Inside the letters' transaction: a queued delivery and its job for each office on CWC. */
export async function queueCwcDeliveries(trx: Executor, submissionId: number): Promise<number> {
  const seats = await listSubmissionSeats(trx, submissionId);
  const rows = seats
    .filter((s) => cwcConfigured(s.chamber))
    .map((s) => {
      const office = seatOffice(s);
      return {
        letterId: Number(s.id),
        campaignId: Number(s.campaignId),
        office,
        deliveryId: deliveryIdFor(Number(s.id), office, new Date(s.sentAt)),
        status: "queued" as const,
        reason: null,
        congress: s.congress,
      };
    });
  const ids = await insertDeliveries(trx, rows);
  for (const id of ids) await addJob(trx, "deliver_cwc", { id }, { jobKey: `cwc:${id}`, maxAttempts: 10 });
  return ids.length;
}

const senateOfficesSetting = defineSetting({
  key: "cwc.senate-active-offices",
  label: "Senate offices that take CWC (refreshed daily)",
  schema: z.object({ offices: z.array(z.string()), fetchedAt: z.string() }),
  defaultValue: { offices: [], fetchedAt: "1970-01-01T00:00:00.000Z" },
});

/** The Senate's list of offices on CWC, refreshed when a day old. */
export async function senateActiveOffices(now = new Date()): Promise<Set<string>> {
  const stored = await getSetting(senateOfficesSetting);
  if (now.getTime() - Date.parse(stored.fetchedAt) < 86_400_000) return new Set(stored.offices);
  const offices = await fetchSenateActiveOffices();
  await setSetting(senateOfficesSetting, { offices, fetchedAt: now.toISOString() }, null);
  return new Set(offices);
}

type SendRow = NonNullable<Awaited<ReturnType<typeof findDeliveryForSend>>>;

/** The CWC message of a stored letter to one office. */
export function messageXml(
  row: Omit<SendRow, "id" | "status" | "attempts" | "congress" | "district" | "letterId">,
  agent: CwcAgent,
  at: Date | string = new Date(),
): string | null {
  if (!row.prefix) return null;
  const { statement, note } = letterParts(row.body, row.personalNote);
  const clip = (t: string) => (t.length >= 6 ? t.slice(0, 10_000) : null);
  return buildCwcXml({
    deliveryId: row.deliveryId,
    deliveryDate: typeof at === "string" ? at : cwcDate(at),
    agent,
    organization: env().ORG_NAME.length >= 6 ? env().ORG_NAME.slice(0, 500) : null,
    campaignId: row.campaignSlug,
    office: row.office,
    constituent: {
      prefix: row.prefix,
      firstName: row.firstName,
      lastName: row.lastName,
      address1: row.street,
      city: row.city,
      state: row.state,
      zip: row.zip4 ? `${row.zip}-${row.zip4}` : row.zip,
      email: row.email,
      phone: row.phone,
      emailValidated: row.emailConfirmedAt !== null,
    },
    subject: row.subject.length >= 6 ? row.subject.slice(0, 500) : `${row.subject} (letter)`,
    topics: [campaignCwcTopic(row.campaignTopic)],
    organizationStatement: clip(statement),
    constituentMessage: clip(note),
    moreInfo: null,
  });
}

export type DeliverOutcome =
  | { kind: "done"; status: CwcStatus }
  | { kind: "later"; runAt: Date; why: "pacing" | "maintenance" };

const FINAL: ReadonlySet<CwcStatus> = new Set(["accepted", "refused", "contact_form"]);

/**
 * Delivers one letter to one office (the deliver_cwc job). Safe to run twice: a final status is
 * left alone, and a message sent before a crash is sent again with its DeliveryId, which CWC
 * answers with 409 (counted as delivered). Throws on a retryable failure, so the job is retried
 * with backoff; the last attempt's failure sends the writer to the contact form.
 */
export async function deliverCwc(id: number, attempt: number, maxAttempts: number): Promise<DeliverOutcome> {
  const found = await findDeliveryForSend(db(), id);
  if (!found || FINAL.has(found.status)) return { kind: "done", status: found?.status ?? "refused" };
  const readdressed = await reresolveAtDelivery(found);
  if (!readdressed.ok) return finish(id, "contact_form", readdressed.reason);
  const row = readdressed.row;
  const chamber: Chamber = chamberOf(row.office);
  const agent = cwcAgent();
  if (!agent || !cwcConfigured(chamber))
    return finish(id, "contact_form", "CWC is not configured for this chamber.");
  if (chamber === "senate" && !(await senateActiveOffices()).has(row.office))
    return finish(id, "contact_form", "This Senate office does not take CWC messages.");
  const now = clockNow();
  const wait = env().CWC_MAINTENANCE_WINDOWS === "on" ? maintenanceMinutesLeft(chamber, now) : 0;
  if (wait > 0) return later(id, new Date(now.getTime() + wait * 60_000 + 1000), "maintenance");
  const { slot, nextFree } = await reserveSlot(db(), chamber, 1000 / env().CWC_RATE_PER_SECOND, 2000);
  if (!slot) return later(id, nextFree, "pacing");
  const xml = messageXml(row, agent, now);
  if (!xml) return finish(id, "contact_form", "The letter was written before the form asked for a prefix.");
  const delay = slot.getTime() - Date.now();
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  await updateDelivery(db(), id, { status: "sent", sent: true });
  const answer = await postCwcMessage(chamber, xml);
  if (answer.kind === "accepted" || answer.kind === "duplicate") return finish(id, "accepted", null);
  if (answer.kind === "refused") return finish(id, "refused", answer.reason);
  if (attempt >= maxAttempts)
    return finish(id, "contact_form", `CWC did not take it after ${attempt} attempts (${answer.reason}).`);
  await updateDelivery(db(), id, { status: "queued", reason: answer.reason });
  throw new Error(`CWC ${row.office}: ${answer.reason}; will retry`);
}

async function finish(id: number, status: CwcStatus, reason: string | null): Promise<DeliverOutcome> {
  await updateDelivery(db(), id, { status, reason, answered: true });
  if (status === "refused") log.warn("CWC refused a message", { delivery: id, reason });
  return { kind: "done", status };
}

async function later(id: number, runAt: Date, why: "pacing" | "maintenance"): Promise<DeliverOutcome> {
  await addJob(db(), "deliver_cwc", { id }, { jobKey: `cwc:${id}`, runAt, maxAttempts: 10 });
  return { kind: "later", runAt, why };
}
