import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { sendError } from "~/lib/express-http.server";
import { z } from "zod";
import { log } from "~/lib/log.server";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { db } from "~db/index.server";
import { packetInfo } from "./packet.server";
import { canSpawnPacketProcess, officeKey, streamPacketFromChild, writePacket } from "./packet-process.server";

/*
 * GET /admin/letters/packet.pdf and /admin/letters/packet.csv?campaign=ID&office=bioguide:X|official:N
 * Served by Express (not Remix) so the stream honours the client's backpressure: Remix copies a
 * response body without waiting for the socket to drain, which would buffer a 100,000-letter
 * packet in memory for a slow client. The organizer session is checked exactly as in /admin.
 */

const query = z.object({
  campaign: z.coerce.number().int().positive(),
  office: z.string().regex(/^(bioguide:[A-Z]\d{6}|official:\d{1,12})$/),
});

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
        return sendError(req, res, thrown.status, thrown.status === 403 ? "forbidden" : "refused", await thrown.text());
      }
      throw thrown;
    }
    const parsed = query.safeParse(req.query);
    if (!parsed.success) return sendError(req, res, 400, "invalid_request", "Give ?campaign=<id>&office=bioguide:<id> or official:<id>.");
    const campaign = await getCampaignForEdit(parsed.data.campaign);
    if (!campaign) return sendError(req, res, 404, "not_found", "No campaign has that number.");
    const id = parsed.data.office.split(":")[1];
    const info = await packetInfo({ id: campaign.id, slug: campaign.slug, title: campaign.title }, officeKey(parsed.data.office));
    if (!info) return sendError(req, res, 404, "not_found", "This office has no letters for this campaign.");
    await insertAuditEntry(db(), { organizerId: organizer.id, action: `letters.packet_${format}`, subjectType: "campaign", subjectId: campaign.id, details: { office: parsed.data.office, count: info.count } });
    const name = `letters-${campaign.slug}-${id}`.replace(/[^a-z0-9-]/gi, "");
    res.status(200);
    res.setHeader("Content-Type", format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${name}.${format}"`);
    res.setHeader("Cache-Control", "private, no-store");
    try {
      // The built server draws packets in a child process with its own heap; under Vitest
      // (no server.js to run) the same writer runs in-process.
      if (canSpawnPacketProcess()) await streamPacketFromChild({ campaign: campaign.id, office: parsed.data.office, format }, res);
      else await writePacket(info, format, res);
    } catch (error) {
      log.warn("letter packet stopped", { error: error instanceof Error ? error.message : String(error) });
      res.destroy();
    }
  };
}
