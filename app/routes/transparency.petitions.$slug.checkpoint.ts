import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { queryInput } from "~/lib/input.server";
import { findOldCheckpoint, findPetitionLog } from "~/modules/transparency/transparency.server";

const query = z.object({ size: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() });

const text = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=10" },
  });

/** The latest signed checkpoint, or an older one with ?size=N (old checkpoints stay published). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const input = queryInput(new URL(request.url).searchParams);
  const parsed = input.ok ? query.safeParse(input.values) : undefined;
  if (!parsed?.success) return text("size must be a whole number of lines.\n", 400);
  const log = await findPetitionLog(params.slug ?? "");
  if (!log) return text("No such petition.\n", 404);
  const { size } = parsed.data;
  if (size === undefined || size === log.size) return text(log.checkpoint);
  const note = await findOldCheckpoint(log.petitionId, size);
  return note ? text(note) : text(`No checkpoint was published at size ${size}.\n`, 404);
}
