import type { LoaderFunctionArgs } from "@remix-run/node";
import { responseBody } from "~/modules/uploads/uploads";
import { notFound } from "~/lib/http.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { readTipAttachment } from "~/modules/tips/tips.server";

function positive(raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) notFound("No such file.");
  return n;
}

/**
 * A tip's attachment, for signed-in organizers only (any role: the files are the tip, not the
 * tipster's contact details). PDFs are always downloads (never rendered in the browser, so a
 * PDF's JavaScript never runs here); images are re-encoded copies and may show inline. Each
 * response is sandboxed and never cached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const file = await readTipAttachment(organizer.id, positive(params.id), positive(params.fileId));
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
