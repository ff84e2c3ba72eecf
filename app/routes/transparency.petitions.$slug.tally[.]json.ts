import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/lib/api.server";
import { findLogAt } from "~/modules/transparency/published-log.server";

/** The tally published with a checkpoint (?size=N, or the latest: the petition page's figures), pending apart. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await findLogAt(params.slug, request);
  if (!found.ok)
    return apiError(found.status, found.status === 400 ? "invalid_request" : "not_found", found.message);
  return Response.json(found.log.json, { headers: { "Cache-Control": "public, max-age=10" } });
}
