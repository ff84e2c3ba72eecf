import { queryInput } from "~/lib/input.server";
import { checkpointQuery } from "./transparency.schema";
import { findPetitionLog } from "./transparency.server";

type Found = NonNullable<Awaited<ReturnType<typeof findPetitionLog>>>;
export type LogAt =
  | { ok: true; log: Extract<Found, { missing: false }> }
  | { ok: false; status: 400 | 404; message: string };

/** The three public documents' shared step: the petition by slug and the checkpoint `?size=N` asks for. */
export async function findLogAt(slug: string | undefined, request: Request): Promise<LogAt> {
  const input = queryInput(new URL(request.url).searchParams);
  const parsed = input.ok ? checkpointQuery.safeParse(input.values) : undefined;
  if (!parsed?.success)
    return { ok: false, status: 400, message: parsed?.error.issues[0]?.message ?? "Bad query string." };
  const log = await findPetitionLog(slug ?? "", parsed.data.size);
  if (!log) return { ok: false, status: 404, message: "No such petition." };
  if (log.missing)
    return { ok: false, status: 404, message: `No checkpoint was published at size ${parsed.data.size}.` };
  return { ok: true, log };
}
