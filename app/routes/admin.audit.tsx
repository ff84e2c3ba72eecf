import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable, Pager } from "~/components/admin/data-table";
import { auditPage } from "~/modules/audit/audit.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { parseId } from "~/lib/http.server";
import { DateTime } from "~/components/date-time";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-audit");
  const page = parseId(new URL(request.url).searchParams.get("page")) ?? 0;
  return { ...(await auditPage(page)), page };
}

export default function AuditLog() {
  const { entries, page, more } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <DataTable
        rows={entries}
        rowKey={(e) => e.id}
        columns={[
          { head: "When", cell: (e) => <DateTime value={e.createdAt} /> },
          { head: "Who", cell: (e) => e.organizerName ?? "system" },
          { head: "Action", cell: (e) => e.action },
          { head: "Subject", cell: (e) => `${e.subjectType} ${e.subjectId}` },
          { head: "Details", cell: (e) => <code>{JSON.stringify(e.details)}</code> },
        ]}
      />
      <Pager page={page} more={more} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
