import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { z } from "zod";
import { env } from "~/env.server";
import { sendError } from "~/lib/express-http.server";
import { log } from "~/lib/log.server";
import { createSlots } from "~/lib/slots";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { db } from "~db/index.server";
import {
  canSpawnPacketProcess,
  officeKey,
  PACKET_OFFICE,
  streamPacketFromChild,
  writePacket,
} from "./packet-process.server";
import { packetInfo, type PacketInfo } from "./packet.server";

/*
 * GET /admin/letters/packet.pdf and /admin/letters/packet.csv?campaign=ID&office=bioguide:X|official:N
 * Served by Express (not Remix) so the stream honours the client's backpressure: Remix copies a
 * response body without waiting for the socket to drain, which would buffer a 100,000-letter
 * packet in memory for a slow client. The organizer session is checked exactly as in /admin.
 */

const query = z.object({
  campaign: z.coerce.number().int().positive(),
  office: z.string().regex(PACKET_OFFICE),
});

// Packets drawn at once in this process (each a child with its own heap and small pool).
const drawing = createSlots(() => env().PACKET_MAX_CONCURRENT);
export const PACKET_RETRY_AFTER_SECONDS = 10;

function asFetchRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
  return new Request(`http://localhost${req.originalUrl}`, { headers });
}

export function packetHandler(format: "pdf" | "csv") {
  return async (req: ExpressRequest, res: ExpressResponse) => {
    let organizer;
    try {
      organizer = await requireOrganizer(asFetchRequest(req), "read-private-contact");
    } catch (thrown) {
      if (thrown instanceof Response) {
        const location = thrown.headers.get("Location");
        if (location) return res.redirect(302, location);
        return sendError(
          req,
          res,
          thrown.status,
          thrown.status === 403 ? "forbidden" : "refused",
          await thrown.text(),
        );
      }
      throw thrown;
    }
    const parsed = query.safeParse(req.query);
    if (!parsed.success)
      return sendError(
        req,
        res,
        400,
        "invalid_request",
        "Give ?campaign=<id>&office=bioguide:<id>, official:<id> or office:<CWC office code>.",
      );
    const campaign = await getCampaignForEdit(parsed.data.campaign);
    if (!campaign) return sendError(req, res, 404, "not_found", "No campaign has that number.");
    const info = await packetInfo(
      { id: campaign.id, slug: campaign.slug, title: campaign.title },
      officeKey(parsed.data.office),
    );
    if (!info) return sendError(req, res, 404, "not_found", "This office has no letters for this campaign.");
    const release = drawing.tryTake();
    if (!release) {
      res.setHeader("Retry-After", String(PACKET_RETRY_AFTER_SECONDS));
      const message = `Other packets are being prepared right now (at most ${env().PACKET_MAX_CONCURRENT} at a time). Please try again in ${PACKET_RETRY_AFTER_SECONDS} seconds.`;
      return sendError(req, res, 429, "too_many_packets", message);
    }
    try {
      await drawPacket(format, organizer.id, campaign, parsed.data.office, info, res);
    } finally {
      release();
    }
  };
}

async function drawPacket(
  format: "pdf" | "csv",
  organizerId: number,
  campaign: { id: number; slug: string },
  office: string,
  info: PacketInfo,
  res: ExpressResponse,
) {
  const id = office.split(":")[1];
  await insertAuditEntry(db(), {
    organizerId,
    action: `letters.packet_${format}`,
    subjectType: "campaign",
    subjectId: campaign.id,
    details: { office, count: info.count },
  });
  const name = `letters-${campaign.slug}-${id}`.replace(/[^a-z0-9-]/gi, "");
  res.status(200);
  res.setHeader("Content-Type", format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${name}.${format}"`);
  res.setHeader("Cache-Control", "private, no-store");
  try {
    // The built server draws packets in a child process with its own heap; under Vitest
    // (no server.js to run) the same writer runs in-process.
    if (canSpawnPacketProcess()) await streamPacketFromChild({ campaign: campaign.id, office, format }, res);
    else await writePacket(info, format, res);
  } catch (error) {
    log.warn("letter packet stopped", { error: error instanceof Error ? error.message : String(error) });
    res.destroy();
  }
}
