import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PositionBadge } from "~/components/statements/position-badge";
import { notFound } from "~/lib/http.server";
import { KIND_LABELS } from "~/modules/statements/statements";
import { scorecard } from "~/modules/statements/statements.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const card = await scorecard(params.slug ?? "");
  if (!card) notFound("No campaign has that address.");
  return card;
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `Scorecard: ${data.campaign.title} | Bring them home` }]
    : [{ title: "Campaign not found" }];

type Row = ReturnType<typeof useLoaderData<typeof loader>>["answered"][number];

function ScoreRow({ row }: { row: Row }) {
  return (
    <tr>
      <th scope="row">
        {row.bioguide ? <Link to={`/members/${row.bioguide}`}>{row.name}</Link> : row.name}
        <span className="muted small">
          {" "}
          {row.party ? `(${row.party[0]}) ` : ""}
          {row.seat}
        </span>
      </th>
      <td>
        <PositionBadge position={row.position} />
        {row.excerpt ? <p className="small statement-text">{row.excerpt}</p> : null}
      </td>
      <td className="small">
        {row.statedOn ? (
          <>
            {row.statedOn}
            {row.kind ? <> · {KIND_LABELS[row.kind]}</> : null}
            {row.sourceUrl ? (
              <>
                {" "}
                ·{" "}
                <a href={row.sourceUrl} rel="nofollow noopener noreferrer">
                  source
                </a>
              </>
            ) : null}
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="num">{row.signed}</td>
      <td className="num">{row.wrote}</td>
    </tr>
  );
}

export default function Scorecard() {
  const { campaign, answered, others } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page scorecard">
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Scorecard: what each target said</h1>
      <p className="lead">
        Every office this campaign asks, its latest verified position, and how many constituents signed and
        wrote. <Link to={`/campaigns/${campaign.slug}/call`}>Call your officials</Link>.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>
            {answered.length} of {answered.length + others.length} offices have a verified answer
          </caption>
          <thead>
            <tr>
              <th scope="col">Office</th>
              <th scope="col">Position</th>
              <th scope="col">Date and source</th>
              <th scope="col">Signed</th>
              <th scope="col">Wrote</th>
            </tr>
          </thead>
          <tbody>
            {[...answered, ...others].map((r) => (
              <ScoreRow key={r.key} row={r} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
