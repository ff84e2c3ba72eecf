import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound } from "~/lib/http.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { deliveryPdfStream } from "~/modules/petitions/export.server";

/** The delivery document for the target's office: the ask, the count, signers by state and district. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-private-contact");
  const stream = await deliveryPdfStream(idParam(params.id, "No petition has that number."));
  if (!stream) notFound("No petition has that number.");
  return new Response(stream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="petition-${params.id}-delivery.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
