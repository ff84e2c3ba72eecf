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
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}/statements`}>← Statements: {campaign.title}</Link>
      </p>
      <h1>Calls per office and day</h1>
      <p className="muted small">
        The last {days} days (UTC): the calls reported to each office, beside the letters written and
        petitions signed that day by its constituents.
      </p>
      {rows.length ? (
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
                <th scope="col">Letters</th>
                <th scope="col">Signatures</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={`${g.day}-${g.key}`}>
                  <td>{g.day}</td>
                  <th scope="row">{g.office}</th>
                  {CALL_OUTCOMES.map((o) => (
                    <td key={o} className="num">
                      {g.calls[o]}
                    </td>
                  ))}
                  <td className="num">{g.letters}</td>
                  <td className="num">{g.signatures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No calls, letters or signatures in these days yet.</p>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
