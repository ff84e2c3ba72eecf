import type { LoaderFunctionArgs } from "@remix-run/node";
import { deliveryPdf } from "~/modules/letters/delivery.server";

/** The supporter's letters as a print-ready PDF (?letter=ID for one). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("letter");
  const letterId = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  if (raw && letterId === undefined) return new Response("No such letter.", { status: 404 });
  const file = await deliveryPdf(params.token ?? "", letterId);
  if (!file) return new Response("No letters have that address.", { status: 404 });
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
