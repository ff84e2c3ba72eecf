import type { LoaderFunctionArgs } from "@remix-run/node";
import { openMeLink } from "~/modules/supporters/me-links.server";
import { supporterExport } from "~/modules/supporters/record.server";

/** GET /me/<token>/download: everything held about the supporter, as a JSON file. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = await openMeLink(params.token ?? "");
  const json = id ? await supporterExport(id) : null;
  if (!json)
    throw new Response("This link has expired or is not valid. Ask for a new one at /me.", { status: 404 });
  return new Response(json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
