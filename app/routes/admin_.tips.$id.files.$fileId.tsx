import type { LoaderFunctionArgs } from "@remix-run/node";
import { responseBody } from "~/modules/uploads/uploads";
import { idParam, notFound } from "~/lib/http.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { readTipAttachment } from "~/modules/tips/tips.server";

/**
 * A tip's attachment, for signed-in organizers only (any role: the files are the tip, not the
 * tipster's contact details). PDFs are always downloads (never rendered in the browser, so a
 * PDF's JavaScript never runs here); images are re-encoded copies and may show inline. Each
 * response is sandboxed and never cached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const file = await readTipAttachment(
    organizer.id,
    idParam(params.id, "No such file."),
    idParam(params.fileId, "No such file."),
  );
  if (!file) notFound("No such file.");
  const inline = file.contentType.startsWith("image/");
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(responseBody(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.length),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
