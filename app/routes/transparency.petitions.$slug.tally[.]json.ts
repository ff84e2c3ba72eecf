import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/lib/api.server";
import { findPetitionLog } from "~/modules/transparency/transparency.server";

/** The tally published with the latest checkpoint (the same figures as the petition's page), pending apart. */
export async function loader({ params }: LoaderFunctionArgs) {
  const log = await findPetitionLog(params.slug ?? "");
  if (!log) return apiError(404, "not_found", "No such petition.");
  return Response.json(log.json, { headers: { "Cache-Control": "public, max-age=10" } });
}
