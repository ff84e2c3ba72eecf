import type { LoaderFunctionArgs } from "@remix-run/node";
import { donationsCsv, parseDonationFilters } from "~/modules/donations/donations-admin.server";
import { requireOrganizer } from "~/modules/organizers/session.server";

/** The donations CSV (same filters as the list); donor emails only for owners. */
export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request, "read");
  const filters = parseDonationFilters(new URL(request.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(donationsCsv(organizer.role, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="donations-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
