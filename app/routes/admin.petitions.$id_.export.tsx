import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound } from "~/lib/http.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { getPetition } from "~/modules/petitions/petitions-admin.server";
import { signaturesCsvStream } from "~/modules/petitions/export.server";

/** Streams every signature as CSV (constant memory; formulas neutralised). ?state=confirmed narrows it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-private-contact");
  const petition = await getPetition(idParam(params.id, "No petition has that number."));
  if (!petition) notFound("No petition has that number.");
  const state = new URL(request.url).searchParams.get("state");
  const states =
    state && ["pending", "confirmed", "fraudulent", "invalidated"].includes(state)
      ? [state]
      : ["pending", "confirmed", "fraudulent", "invalidated"];
  return new Response(signaturesCsvStream(petition.id, states), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${petition.slug}-signatures.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
