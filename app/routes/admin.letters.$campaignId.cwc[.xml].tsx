import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/lib/http.server";
import { cwcExportResponse } from "~/modules/cwc/cwc-export.server";
import { requireOrganizer } from "~/modules/organizers/session.server";

/** The CWC XML of a campaign's letters (?office=HVT00&day=2026-12-02), for a vendor. Writers' addresses: read-private-contact. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-private-contact");
  return cwcExportResponse(
    idParam(params.campaignId, "No campaign has that number."),
    new URL(request.url).searchParams,
  );
}
