import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/forms";
import { PositionBadge } from "~/components/statements/position-badge";
import { notFound } from "~/lib/http.server";
import { queryInput } from "~/lib/input.server";
import { scorecard } from "~/modules/statements/scorecard.server";
import { KIND_LABELS, POSITION_LABELS } from "~/modules/statements/statements";
import { scorecardFilterSchema } from "~/modules/statements/statements.schema";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const input = queryInput(new URL(request.url).searchParams);
  const parsed = scorecardFilterSchema.safeParse(input.ok ? input.values : {});
  const card = await scorecard(
    params.slug ?? "",
    parsed.success ? parsed.data : scorecardFilterSchema.parse({}),
  );
  if (!card) notFound("No campaign has that address.");
  const error = parsed.success ? null : parsed.error.issues[0].message;
  return data({ ...card, error }, { status: error ? 400 : 200 });
}

const CHAMBERS = { senate: "Senate", house: "House", official: "Executive officials" };
const POSITION_FILTER = { ...POSITION_LABELS, none: "No verified answer yet" };

/** The query string of the scorecard with the current filters and another page. */
function pageLink(
  filter: { chamber: string | null; state: string | null; position: string | null },
  page: number,
) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v && k !== "page") q.set(k, String(v));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return `?${s}`;
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `Scorecard: ${data.campaign.title} | Bring them home` }]
    : [{ title: "Campaign not found" }];

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function ScoreRow({ row }: { row: Row }) {
  return (
    <tr>
      <th scope="row">
        {row.bioguide ? (
          <Link to={`/members/${row.bioguide}`}>{row.name}</Link>
        ) : (
          <span className={row.vacant ? "muted" : undefined}>{row.name}</span>
        )}
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
  const { campaign, totals, states, filter, pages, rows, error } = useLoaderData<typeof loader>();
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
      <p>
        {totals.answered} of {totals.offices} offices have a verified answer
        {totals.vacant ? ` (${totals.vacant} ${totals.vacant === 1 ? "seat is" : "seats are"} vacant)` : ""}.
      </p>
      <Form method="get" className="toolbar" aria-label="Filter the scorecard">
        <FilterSelect name="chamber" label="Chamber" any="All" options={CHAMBERS} value={filter.chamber} />
        <FilterSelect
          name="state"
          label="State"
          any="All states"
          options={Object.fromEntries(states.map((s) => [s, s]))}
          value={filter.state}
        />
        <FilterSelect
          name="position"
          label="Position"
          any="Any position"
          options={POSITION_FILTER}
          value={filter.position}
        />
        <button type="submit">Show</button>
      </Form>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption>
            {totals.matching} {totals.matching === 1 ? "office" : "offices"}
            {pages > 1 ? `, page ${filter.page} of ${pages}` : ""}
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
            {rows.map((r) => (
              <ScoreRow key={r.key} row={r} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="toolbar" aria-label="Scorecard pages">
          {filter.page > 1 ? <Link to={pageLink(filter, filter.page - 1)}>← Previous page</Link> : null}
          {filter.page < pages ? <Link to={pageLink(filter, filter.page + 1)}>Next page →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
