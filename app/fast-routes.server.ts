import { fastRoute, type FastRoute } from "~/lib/express-http.server";
import { districtsHandler } from "~/modules/legislators/district-lookup.api.server";
import { packetHandler } from "~/modules/letters/packet.api.server";
import { petitionHandler, signHandler } from "~/modules/petitions/fast-routes.server";

/**
 * Hot paths served by Express before Remix, where the framework's per-request work would
 * dominate (see DESIGN.md's measured limits). Each must keep the HTTP contract of DESIGN.md;
 * all share app/lib/express-http.server.ts (route shape, body reader, error helper).
 */
export const fastRoutes: FastRoute[] = [
  fastRoute("post", "/api/v1/petitions/:slug/signatures", signHandler),
  fastRoute("get", "/api/v1/petitions/:slug", petitionHandler),
  fastRoute("get", "/api/v1/districts", districtsHandler),
  fastRoute("get", "/admin/letters/packet.pdf", packetHandler("pdf")),
  fastRoute("get", "/admin/letters/packet.csv", packetHandler("csv")),
];
