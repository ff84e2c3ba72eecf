import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { congressDataStatus } from "~/modules/legislators/data-status.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateTime } from "~/components/date-time";
import { CongressDataStatus } from "~/components/admin/congress-data-status";
import { congressFigures } from "~/modules/dashboard/figures";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request);
  const [campaigns, congress] = await Promise.all([listCampaignsForAdmin(), congressDataStatus()]);
  return { campaigns, congress };
}

export default function Dashboard() {
  const { campaigns, congress } = useLoaderData<typeof loader>();
  const counts = { live: 0, draft: 0, closed: 0, won: 0 } as Record<string, number>;
  for (const c of campaigns) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return (
    <>
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
      <h2>Campaigns</h2>
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
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
