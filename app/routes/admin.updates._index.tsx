import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MAILING_STATUS_LABELS } from "~/modules/mail/mailings";
import { listMailingsForAdmin } from "~/modules/mail/mailings.server";
import { suppressionSummary } from "~/modules/mail/suppressions.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateTime } from "~/components/date-time";

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const [mailings, suppressions] = await Promise.all([listMailingsForAdmin(), suppressionSummary()]);
  return { mailings, suppressionCount: suppressions.count, canEdit: can(organizer.role, "edit-content") };
}

export default function Updates() {
  const { mailings, suppressionCount, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Updates</h1>
      <p className="muted">
        Email updates to supporters who opted in. {suppressionCount.toLocaleString("en-US")} addresses are
        suppressed after bounces or complaints and never receive mail.
      </p>
      {canEdit ? (
        <p>
          <Link className="button" to="/admin/updates/new">
            New update
          </Link>
        </p>
      ) : null}
      {mailings.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Subject</th>
              <th>Campaign</th>
              <th>Status</th>
              <th className="num">Recipients</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {mailings.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/admin/updates/${m.id}`}>{m.subject}</Link>
                </td>
                <td>{m.campaignTitle ?? "—"}</td>
                <td>
                  <span className={`badge badge--mailing-${m.status}`}>
                    {MAILING_STATUS_LABELS[m.status]}
                  </span>
                </td>
                <td className="num">
                  {m.status === "draft" || m.status === "scheduled"
                    ? "—"
                    : m.totalCount.toLocaleString("en-US")}
                </td>
                <td>{<DateTime value={m.finishedAt ?? m.scheduledAt ?? m.createdAt} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
