import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ImportErrors } from "~/components/admin/import-errors";
import { DateTime } from "~/components/date-time";
import { BackLink } from "~/components/notice";
import { Progress } from "~/components/progress";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { getImport } from "~/modules/supporters/import.server";

/** While the import runs, the page reloads itself every 3 seconds (no JavaScript needed). */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Import | Organizers" },
  ...(data && data.status !== "done" ? [{ httpEquiv: "refresh", content: "3" } as const] : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request, "edit-content");
  const id = Number(params.id);
  const imp = Number.isSafeInteger(id) && id > 0 ? await getImport(id) : undefined;
  if (!imp) throw new Response("No such import.", { status: 404, statusText: "Not Found" });
  return imp;
}

const n = (v: number) => v.toLocaleString("en-US");

export default function ImportProgress() {
  const imp = useLoaderData<typeof loader>();
  const done = imp.status === "done";
  return (
    <div className="stack">
      <BackLink to="/admin/supporters/import">Import supporters</BackLink>
      <h1>Import from {imp.sourceTool}</h1>
      <p>
        “{imp.filename}”, started <DateTime value={imp.createdAt} />.{" "}
        {done ? (
          <>
            Finished <DateTime value={imp.finishedAt!} />.
          </>
        ) : imp.status === "queued" ? (
          "Waiting to start."
        ) : (
          "Importing now."
        )}
      </p>
      <Progress value={imp.processedRows} goal={imp.totalRows} label="People imported" />
      <p>
        {n(imp.createdCount)} new {imp.createdCount === 1 ? "supporter" : "supporters"}, {n(imp.updatedCount)}{" "}
        already on our records (filled in), {n(imp.skippedCount)} {imp.skippedCount === 1 ? "row" : "rows"}{" "}
        skipped for errors.
      </p>
      {done ? null : (
        <p>
          This page refreshes itself every few seconds.{" "}
          <Link to={`/admin/supporters/imports/${imp.id}`}>Refresh now</Link>
        </p>
      )}
      <p className="muted small">
        Consent recorded as “imported from {imp.sourceTool}”, with the wording: “{imp.wording}”
      </p>
      <ImportErrors errors={imp.rowErrors} skipped={imp.skippedCount} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
