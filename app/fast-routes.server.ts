import type { RequestHandler } from "express";
import { petitionHandler, signHandler } from "~/modules/petitions/fast-routes.server";
import { districtsHandler } from "~/modules/legislators/district-lookup.api.server";
import { packetHandler } from "~/modules/letters/packet.api.server";

/**
 * Hot paths served by Express before Remix, where the framework's per-request work would
 * dominate (see DESIGN.md's measured limits). Each must keep the HTTP contract of DESIGN.md.
 */
export const fastRoutes: Array<{ method: "get" | "post"; path: string; handler: RequestHandler }> = [
  { method: "post", path: "/api/v1/petitions/:slug/signatures", handler: signHandler },
  { method: "get", path: "/api/v1/petitions/:slug", handler: petitionHandler },
  { method: "get", path: "/api/v1/districts", handler: districtsHandler },
  { method: "get", path: "/admin/letters/packet.pdf", handler: packetHandler("pdf") },
  { method: "get", path: "/admin/letters/packet.csv", handler: packetHandler("csv") },
];
