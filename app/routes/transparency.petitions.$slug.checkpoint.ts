import type { LoaderFunctionArgs } from "@remix-run/node";
import { findLogAt } from "~/modules/transparency/published-log.server";

const text = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=10" },
  });

/** The latest signed checkpoint, or an older one with ?size=N (old checkpoints stay published). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await findLogAt(params.slug, request);
  if (!found.ok) return text(`${found.message}\n`, found.status);
  return text(found.log.checkpoint);
}
