import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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
      <table className="data">
        <thead>
          <tr><th>When</th><th>Who</th><th>Action</th><th>Subject</th><th>Details</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{<DateTime value={e.createdAt} />}</td>
              <td>{e.organizerName ?? "system"}</td>
              <td>{e.action}</td>
              <td>{e.subjectType} {e.subjectId}</td>
              <td><code>{JSON.stringify(e.details)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="toolbar">
        {page > 0 ? <Link to={`?page=${page - 1}`}>Newer</Link> : null}
        {more ? <Link to={`?page=${page + 1}`}>Older</Link> : null}
      </p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
