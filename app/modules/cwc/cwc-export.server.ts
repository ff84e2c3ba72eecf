import { db } from "~db/index.server";
import { env } from "~/env.server";
import { isNonStateArea } from "~/modules/legislators/seats";
import { cwcAgent } from "./cwc-adapter.server";
import { deliveryIdFor, messageXml, seatOffice } from "./cwc-delivery.server";
import { type CwcAgent, cwcDate } from "./cwc-xml";
import { type ExportFilter, listExportLetters } from "./cwc.queries.server";

/*
 * Without a CWC configuration, organizers download the CWC XML of a campaign's letters (per office,
 * per day) to hand to a vendor: one `<CWC>` message per letter and office, each with the same
 * DeliveryId the adapter would use, inside a `<CWCMessages>` wrapper. Letters written before the
 * form asked for a title are left out (CWC requires one) and counted in the wrapper.
 */

const PAGE = 2000;

/** `HVT00` -> the seat it names (American Samoa's office is HAQ00), or null for a malformed code. */
export function parseOffice(code: string): ExportFilter["office"] {
  const m = /^([HS])([A-Z]{2})(\d{2})$/.exec(code);
  if (!m) return null;
  if (m[1] === "S") {
    const senateClass = Number(m[3]);
    return senateClass >= 1 && senateClass <= 3 && m[3][0] === "0"
      ? { chamber: "senate", state: m[2], district: 0, senateClass }
      : null;
  }
  const state = m[2] === "AQ" ? "AS" : m[2];
  return { chamber: "house", state, district: isNonStateArea(state) ? 0 : Number(m[3]), senateClass: 0 };
}

/** The agent named in downloaded messages: the configured one, else the organization (a vendor replaces it). */
function exportAgent(): CwcAgent {
  const e = env();
  const address = /<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM;
  return (
    cwcAgent() ?? {
      name: e.ORG_NAME.slice(0, 500),
      ackEmail: address,
      contactName: e.ORG_NAME.slice(0, 500),
      contactEmail: address,
      contactPhone: e.CWC_CONTACT_PHONE ?? "000-000-0000",
    }
  );
}

/** Streams the export through `write`; returns how many messages it held and how many letters were left out. */
export async function writeCwcExport(
  filter: ExportFilter,
  write: (chunk: string) => void | Promise<void>,
): Promise<{ messages: number; skipped: number }> {
  const agent = exportAgent();
  const today = cwcDate(new Date());
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<CWCMessages>\n`);
  let messages = 0;
  let skipped = 0;
  let after = 0;
  for (;;) {
    const rows = await listExportLetters(db(), filter, after, PAGE);
    if (!rows.length) break;
    after = Number(rows[rows.length - 1].id);
    let chunk = "";
    for (const r of rows) {
      const office = seatOffice({
        chamber: r.chamber,
        state: r.memberState,
        district: r.memberDistrict,
        senateClass: r.senateClass,
      });
      const xml = messageXml(
        { ...r, office, deliveryId: deliveryIdFor(Number(r.id), office, new Date(r.sentAt)) },
        agent,
        today,
      );
      if (!xml) skipped++;
      else {
        messages++;
        chunk += xml.replace(/^<\?xml[^>]*\?>\n/, "");
      }
    }
    await write(chunk);
  }
  await write(`<!-- ${messages} messages; ${skipped} letters without a title left out -->\n</CWCMessages>\n`);
  return { messages, skipped };
}

/** The download as an HTTP answer: 400 with a message for a bad office or day. */
export function cwcExportResponse(campaignId: number, params: URLSearchParams): Response {
  const rawOffice = (params.get("office") ?? "").trim().toUpperCase();
  const rawDay = (params.get("day") ?? "").trim();
  const office = rawOffice ? parseOffice(rawOffice) : null;
  if (rawOffice && !office)
    return new Response(`"${rawOffice.slice(0, 12)}" is not a CWC office code such as HVT00 or SVT01.`, {
      status: 400,
    });
  if (rawDay && (!/^\d{4}-\d{2}-\d{2}$/.test(rawDay) || Number.isNaN(Date.parse(rawDay))))
    return new Response("The day is a date, YYYY-MM-DD.", { status: 400 });
  const filter: ExportFilter = { campaignId, office, day: rawDay || null };
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      await writeCwcExport(filter, (chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
  const name = `cwc-${campaignId}${rawOffice ? `-${rawOffice}` : ""}${rawDay ? `-${rawDay}` : ""}.xml`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
