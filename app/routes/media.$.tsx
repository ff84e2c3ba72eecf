import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPublicFile } from "~/modules/media/media.server";

/**
 * Public images and source documents published by organizers (help-identify media, case
 * photos, timeline documents). Names are content hashes, so responses are cached for a year.
 * PDFs are always downloads, never rendered inline. Tip attachments are never served here.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await readPublicFile(params["*"] ?? "");
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Length": String(file.data.length),
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  };
  if (file.download) headers["Content-Disposition"] = "attachment";
  return new Response(new Uint8Array(file.data), { headers });
}
