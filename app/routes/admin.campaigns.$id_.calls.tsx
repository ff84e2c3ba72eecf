import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { idParam, notFound } from "~/lib/http.server";
import { CALL_OUTCOMES, OUTCOME_LABELS } from "~/modules/calls/calls";
import { callStatsSchema } from "~/modules/calls/calls.schema";
import { callStats } from "~/modules/calls/calls.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { campaignStatementsForAdmin } from "~/modules/statements/statements.server";

export const meta: MetaFunction = () => [
  { title: "Calls | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request);
  const id = idParam(params.id, "No campaign has that number.");
  const { days } = callStatsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await campaignStatementsForAdmin(id);
  if (!page) notFound("No campaign has that number.");
  return { campaign: page.campaign, days, rows: await callStats(id, days) };
}

export default function CampaignCalls() {
  const { campaign, days, rows } = useLoaderData<typeof loader>();
  // One row per office and day, one column per outcome.
  const grouped = new Map<string, { day: string; office: string; counts: Record<string, number> }>();
  for (const r of rows) {
    const k = `${r.day} ${r.key}`;
    const g = grouped.get(k) ?? { day: r.day, office: r.office, counts: {} };
    g.counts[r.outcome] = (g.counts[r.outcome] ?? 0) + r.n;
    grouped.set(k, g);
  }
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}/statements`}>← Statements: {campaign.title}</Link>
      </p>
      <h1>Calls per office and day</h1>
      <p className="muted small">
        The last {days} days (UTC). Letters and signatures: see the campaign's letters and petition pages.
      </p>
      {grouped.size ? (
        <div className="table-scroll">
          <table className="data-table calls-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Office</th>
                {CALL_OUTCOMES.map((o) => (
                  <th key={o} scope="col">
                    {OUTCOME_LABELS[o]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...grouped.values()].map((g) => (
                <tr key={`${g.day}-${g.office}`}>
                  <td>{g.day}</td>
                  <th scope="row">{g.office}</th>
                  {CALL_OUTCOMES.map((o) => (
                    <td key={o} className="num">
                      {g.counts[o] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No calls reported yet.</p>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
