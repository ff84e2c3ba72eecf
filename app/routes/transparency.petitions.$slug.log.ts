import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLogAt } from "~/modules/transparency/published-log.server";
import { streamLog } from "~/modules/transparency/transparency.server";

/** The log: one canonical JSON line per event, exactly the lines a checkpoint covers (?size=N, or the latest). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await findLogAt(params.slug, request);
  if (!found.ok)
    return new Response(`${found.message}\n`, {
      status: found.status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(streamLog(found.log.petitionId, found.log.size), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=10",
      "X-Log-Size": String(found.log.size),
    },
  });
}
