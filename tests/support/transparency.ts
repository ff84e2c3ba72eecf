import { loader as checkpointLoader } from "~/routes/transparency.petitions.$slug.checkpoint";
import { loader as logLoader } from "~/routes/transparency.petitions.$slug.log";
import { loader as tallyLoader } from "~/routes/transparency.petitions.$slug.tally[.]json";
import type { PublishedTally } from "~/modules/transparency/verify-log";
import { callRouteRaw as callRoute } from "./remix";

/** The log, the latest checkpoint and the tally, as a reader downloads them (through the routes). */
export async function published(slug: string) {
  const get = (loader: unknown, path: string) =>
    callRoute(loader as never, new Request(`http://localhost/transparency/petitions/${slug}/${path}`), {
      slug,
    }) as Promise<Response>;
  const [log, checkpoint, tally] = await Promise.all([
    get(logLoader, "log").then((r) => r.text()),
    get(checkpointLoader, "checkpoint").then((r) => r.text()),
    get(tallyLoader, "tally.json").then((r) => r.json() as Promise<PublishedTally>),
  ]);
  return { log, checkpoint, tally };
}
