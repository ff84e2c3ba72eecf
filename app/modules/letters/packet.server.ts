import { once } from "node:events";
import type { Writable } from "node:stream";
import { db } from "~db/index.server";
import { env } from "~/env.server";
import { csvRow } from "~/lib/csv";
import { seatLabel } from "~/modules/legislators/seats";
import { createLetterDocument, releaseWrittenPages, writeCover, writeLetter } from "./letters-pdf.server";
import {
  listPacketLetters,
  summarizePacket,
  summarizeSubmissions,
  type OfficeKey,
  type PacketLetterRow,
} from "./letters.queries.server";
import {
  lettersByDistrict,
  type RuleOffice,
  ruleOfficeLetters,
  ruleTargetOffices,
} from "./packet-targets.server";

/*
 * An office's delivery packet (cover page + every letter, or a CSV), streamed with bounded
 * memory: rows are read in keyset pages of BATCH, drawn, written to the response, and the next
 * page is read only once the response has drained.
 */

const BATCH = 250;
const HIGH_WATER = 1 << 20;

/** A member's or official's letters, or (`office`) an office a campaign's rules target. */
export type PacketKey = OfficeKey | { office: string };

export interface PacketInfo {
  campaign: { id: number; slug: string; title: string };
  key: PacketKey;
  /** For a rule target's office: who holds it and the template its letters are composed from. */
  rule: RuleOffice | null;
  /** Letter sets by the writer's district as written: "VT-AL: 3". */
  byDistrict: Array<{ label: string; count: number }>;
  /** "Senator Bernard Sanders (VT)" */
  office: string;
  count: number;
  first: Date | null;
  last: Date | null;
  recipientAddress: string[];
}

export async function packetInfo(
  campaign: { id: number; slug: string; title: string },
  key: PacketKey,
  at?: Date,
): Promise<PacketInfo | null> {
  if ("office" in key) {
    const rule = (await ruleTargetOffices(campaign.id, at)).find((o) => o.office === key.office);
    if (!rule) return null;
    const s = await summarizeSubmissions(db(), campaign.id);
    if (!s.count) return null;
    return {
      campaign,
      key,
      rule,
      byDistrict: await lettersByDistrict(campaign.id),
      office: `${rule.label}, ${rule.reason}`,
      count: s.count,
      first: s.first,
      last: s.last,
      recipientAddress: [],
    };
  }
  const s = await summarizePacket(db(), campaign.id, key);
  if (!s || !s.count) return null;
  const seat = s.state ? ` (${seatLabel(s.state, s.recipientTitle === "Senator" ? null : s.district)})` : "";
  const first = await listPacketLetters(db(), campaign.id, key, 0, 1);
  return {
    campaign,
    key,
    rule: null,
    byDistrict: [],
    office: `${s.recipientTitle ?? ""} ${s.recipientName ?? ""}${seat}`.trim(),
    count: s.count,
    first: s.first,
    last: s.last,
    recipientAddress: first[0]?.recipientAddress ?? [],
  };
}

async function* rows(info: PacketInfo): AsyncGenerator<PacketLetterRow[]> {
  let after = 0;
  while (true) {
    const page = info.rule
      ? await ruleOfficeLetters(info.campaign.id, info.rule, after, BATCH)
      : "office" in info.key
        ? []
        : await listPacketLetters(db(), info.campaign.id, info.key, after, BATCH);
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].id;
    if (page.length < BATCH) return;
  }
}

/** Waits until the response has flushed what it holds (or the client has gone). */
async function drained(out: Writable, blocked = false) {
  if (out.destroyed) throw new Error("client went away");
  if (blocked || out.writableLength > HIGH_WATER || out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off("drain", done);
        out.off("close", done);
        resolve();
      };
      out.on("drain", done);
      out.on("close", done);
    });
  } else await new Promise((resolve) => setImmediate(resolve)); // let the corked socket flush
  if (out.destroyed) throw new Error("client went away");
}

/** Writes the packet PDF to `out` (an HTTP response); resolves when it is complete. */
export async function writePacketPdf(info: PacketInfo, out: Writable): Promise<void> {
  const doc = createLetterDocument(`Letters to ${info.office}: ${info.campaign.title}`);
  // An HTTP response corks its socket and reports writableLength 0 while libuv still holds the
  // data, so the return value of write() is the only reliable backpressure signal.
  let blocked = false;
  // pdfkit emits many tiny chunks (at the end, one per cross-reference line: 400,000 for a
  // 100,000-letter packet, in one synchronous burst). Each queued write costs ~200 bytes of
  // bookkeeping, so they are coalesced into 64 KB writes.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (!pendingBytes) return;
    if (!out.write(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes))) blocked = true;
    pending = [];
    pendingBytes = 0;
  };
  doc.on("data", (chunk: Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= 65_536) flush();
  });
  const ended = once(doc, "end");
  writeCover(doc, {
    campaignTitle: info.campaign.title,
    office: info.office,
    officeLines: info.recipientAddress,
    count: info.count,
    byDistrict: info.byDistrict,
    first: info.first,
    last: info.last,
    generatedAt: new Date(),
    orgName: env().ORG_NAME,
  });
  try {
    for await (const page of rows(info)) {
      for (const r of page) {
        writeLetter(doc, {
          senderLines: [`${r.firstName} ${r.lastName}`, r.street, `${r.city}, ${r.state} ${r.zip}`],
          date: r.sentAt,
          recipientLines: r.recipientAddress,
          subject: r.subject,
          body: r.body,
        });
      }
      releaseWrittenPages(doc);
      flush();
      await drained(out, blocked);
      blocked = false;
    }
  } catch (error) {
    doc.removeAllListeners("data");
    throw error;
  }
  doc.end();
  await ended;
  flush();
  out.end();
}

export const PACKET_CSV_HEADER = [
  "letter_id",
  "sent_at",
  "first_name",
  "last_name",
  "street",
  "city",
  "state",
  "zip",
  "subject",
  "body",
];

export async function writePacketCsv(info: PacketInfo, out: Writable): Promise<void> {
  out.write(csvRow(PACKET_CSV_HEADER));
  for await (const page of rows(info)) {
    const flowing = out.write(
      page
        .map((r) =>
          csvRow([
            r.id,
            r.sentAt,
            r.firstName,
            r.lastName,
            r.street,
            r.city,
            r.state,
            r.zip,
            r.subject,
            r.body,
          ]),
        )
        .join(""),
    );
    await drained(out, !flowing);
  }
  out.end();
}
