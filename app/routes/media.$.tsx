import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPublicFile } from "~/modules/media/media.server";

/**
 * Public images and source documents published by organizers (help-identify media, case
 * photos, timeline documents). Names are content hashes (a new image gets a new address); a
 * removed or unpublished one answers 404 at once, so caches keep files only briefly
 * (MEDIA_MAX_AGE_SECONDS) and revalidate by ETag. PDFs are always downloads, never rendered
 * inline. Tip attachments are never served here.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const file = await readPublicFile(params["*"] ?? "", request);
  if (!file)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  if (request.headers.get("If-None-Match") === file.etag)
    return new Response(null, {
      status: 304,
      headers: { ETag: file.etag, "Cache-Control": file.cacheControl },
    });
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Length": String(file.data.length),
    "Cache-Control": file.cacheControl,
    ETag: file.etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (file.download) headers["Content-Disposition"] = "attachment";
  return new Response(new Uint8Array(file.data), { headers });
}
