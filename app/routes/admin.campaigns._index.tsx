import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/admin/data-table";
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
      {canEdit ? (
        <p>
          <Link className="button" to="/admin/campaigns/new">
            New campaign
          </Link>
        </p>
      ) : null}
      <DataTable
        rows={campaigns}
        rowKey={(c) => c.id}
        columns={[
          { head: "Title", cell: (c) => <Link to={`/admin/campaigns/${c.id}`}>{c.title}</Link> },
          { head: "Address", cell: (c) => <a href={`/campaigns/${c.slug}`}>/campaigns/{c.slug}</a> },
          { head: "Status", cell: (c) => <CampaignStatusBadge status={c.status} /> },
          { head: "Published", cell: (c) => (c.publishedAt ? <DateOnly value={c.publishedAt} /> : "—") },
          { head: "Updated", cell: (c) => <DateTime value={c.updatedAt} /> },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
