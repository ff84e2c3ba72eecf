import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound } from "~/lib/http.server";
import { getOrganizer } from "~/modules/organizers/session.server";
import { statementSource } from "~/modules/statements/statements.server";
import { responseBody } from "~/modules/uploads/uploads";

/** The uploaded letter or scan of a statement: public once verified (PDFs always download). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id, "No statement has that number.");
  const organizer = await getOrganizer(request);
  const file = await statementSource(id, { organizer: organizer !== null });
  if (!file) notFound("No statement has that number, or it has no uploaded source.");
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Length": String(file.data.length),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (file.contentType === "application/pdf")
    headers["Content-Disposition"] = `attachment; filename="${file.filename.replace(/"/g, "")}"`;
  return new Response(responseBody(file.data), { headers });
}
