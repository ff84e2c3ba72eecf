import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { queryInput } from "~/lib/input.server";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { organizerDashboard } from "~/modules/dashboard/dashboard.server";
import { dashboardQuerySchema } from "~/modules/dashboard/dashboard.schema";
import { congressDataStatus } from "~/modules/legislators/data-status.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateTime } from "~/components/date-time";
import { CongressDataStatus } from "~/components/admin/congress-data-status";
import {
  CampaignActivity,
  LastUpdateFigures,
  TopPlaces,
  WindowSwitch,
} from "~/components/admin/dashboard-sections";
import { WorkWaiting } from "~/components/admin/work-waiting";
import { congressFigures } from "~/modules/dashboard/figures";

export const meta: MetaFunction = () => [
  { title: "Dashboard | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const input = queryInput(new URL(request.url).searchParams);
  const { window } = dashboardQuerySchema.parse(input.ok ? input.values : {});
  const [campaigns, congress, dashboard] = await Promise.all([
    listCampaignsForAdmin(),
    congressDataStatus(),
    organizerDashboard(organizer.role, window),
  ]);
  return { campaigns, congress, dashboard };
}

export default function Dashboard() {
  const { campaigns, congress, dashboard } = useLoaderData<typeof loader>();
  const counts = { live: 0, draft: 0, closed: 0, won: 0 } as Record<string, number>;
  for (const c of campaigns) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return (
    <div className="dashboard">
      <h1>Dashboard</h1>
      <ul className="stats">
        <li>
          <strong>{counts.live}</strong> live campaigns
        </li>
        <li>
          <strong>{counts.draft}</strong> drafts
        </li>
        <li>
          <strong>{counts.won}</strong> won
        </li>
        <li>
          <strong>{counts.closed}</strong> closed
        </li>
      </ul>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Work waiting</h2>
        <WorkWaiting waiting={dashboard.waiting} />
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Campaign activity</h2>
        <WindowSwitch window={dashboard.window} />
        {!dashboard.access.donations ? <p className="muted">Gifts and amounts are shown to owners.</p> : null}
        {!dashboard.access.tips ? <p className="muted">Tips are shown to owners and editors.</p> : null}
        <div className="dash-campaigns">
          {dashboard.campaigns.map((c) => (
            <CampaignActivity key={c.id} campaign={c} window={dashboard.window} />
          ))}
        </div>
        {!dashboard.campaigns.length ? <p>No live campaign, and no activity in the last 30 days.</p> : null}
      </section>
      <div className="dash-columns">
        <section aria-labelledby="places-heading">
          <h2 id="places-heading">Where signers are</h2>
          <TopPlaces states={dashboard.states} districts={dashboard.districts} />
        </section>
        <section aria-labelledby="update-heading">
          <h2 id="update-heading">The last update</h2>
          <LastUpdateFigures update={dashboard.lastUpdate} />
        </section>
      </div>
      <h2>Campaigns</h2>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th>Campaign</th>
              <th>Status</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/campaigns/${c.id}`}>{c.title}</Link>
                </td>
                <td>{c.status}</td>
                <td>{<DateTime value={c.updatedAt} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Members of Congress data</h2>
      <CongressDataStatus
        congress={congress}
        staleAdvice=". Import the current roster and district maps before supporters write letters."
      >
        {(importedAt) => (
          <p>
            Imported {<DateTime value={importedAt} />} from data dated {congress.sourceDate ?? "unknown"}
            {congress.counts ? ` (${congressFigures(congress.counts)})` : ""}.
          </p>
        )}
      </CongressDataStatus>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
