import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, methodNotAllowed } from "~/lib/api.server";
import { statementsFeed } from "~/modules/statements/public-statements.server";

/** The verified statements of a campaign, newest first (unverified ones never appear). */
export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await statementsFeed(params.slug ?? "");
  if (!feed) return apiError(404, "not_found", "No campaign has that slug.");
  return Response.json(feed, { headers: { "Cache-Control": "public, max-age=30" } });
}

export const action = () => methodNotAllowed("GET");
