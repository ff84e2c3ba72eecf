import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CaseStatusBadge } from "~/components/badges";
import { CONFLICT_LABELS } from "~/modules/cases/cases";
import { caseSearchSchema } from "~/modules/cases/cases.schema";
import { findCases } from "~/modules/cases/cases.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateTime } from "~/components/date-time";

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const parsed = caseSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const search = parsed.success ? parsed.data : { q: "" };
  return { cases: await findCases(search, true), q: search.q, canEdit: can(organizer.role, "edit-content") };
}

export default function AdminCases() {
  const { cases, q, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Case files</h1>
      <div className="toolbar">
        {canEdit ? (
          <Link className="button" to="/admin/cases/new">
            New case file
          </Link>
        ) : null}
        <Link to="/admin/media">Help-identify media</Link>
        <Form method="get" className="search-form" role="search">
          <label htmlFor="q" className="visually-hidden">
            Search case files
          </label>
          <input id="q" type="search" name="q" defaultValue={q} placeholder="Search" />
          <button className="button button--secondary button--small" type="submit">
            Search
          </button>
        </Form>
      </div>
      <table className="data">
        <thead>
          <tr>
            <th>Name</th>
            <th>Conflict</th>
            <th>Status</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/admin/cases/${c.id}`}>{c.fullName}</Link>
              </td>
              <td>{CONFLICT_LABELS[c.conflict]}</td>
              <td>
                <CaseStatusBadge status={c.status} />
              </td>
              <td>{<DateTime value={c.updatedAt} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
