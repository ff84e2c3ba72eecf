import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPetitionLog, streamLog } from "~/modules/transparency/transparency.server";

/** The log: one canonical JSON line per event, exactly as many lines as the latest checkpoint covers. */
export async function loader({ params }: LoaderFunctionArgs) {
  const log = await findPetitionLog(params.slug ?? "");
  if (!log) throw new Response("No such petition.", { status: 404 });
  return new Response(streamLog(log.petitionId, log.size), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=10",
      "X-Log-Size": String(log.size),
    },
  });
}
