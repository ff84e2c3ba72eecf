import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignStatusBadge } from "~/components/badges";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateOnly, DateTime } from "~/components/date-time";

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  return { campaigns: await listCampaignsForAdmin(), canEdit: can(organizer.role, "edit-content") };
}

export default function AdminCampaigns() {
  const { campaigns, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Campaigns</h1>
      {canEdit ? <p><Link className="button" to="/admin/campaigns/new">New campaign</Link></p> : null}
      <table className="data">
        <thead>
          <tr><th>Title</th><th>Address</th><th>Status</th><th>Published</th><th>Updated</th></tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <td><Link to={`/admin/campaigns/${c.id}`}>{c.title}</Link></td>
              <td><a href={`/campaigns/${c.slug}`}>/campaigns/{c.slug}</a></td>
              <td><CampaignStatusBadge status={c.status} /></td>
              <td>{c.publishedAt ? <DateOnly value={c.publishedAt} /> : "—"}</td>
              <td>{<DateTime value={c.updatedAt} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
