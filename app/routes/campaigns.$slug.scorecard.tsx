import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/forms";
import { KIND_KEYS, POSITION_KEYS, PositionBadge } from "~/components/statements/position-badge";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";
import { notFound } from "~/lib/http.server";
import { queryInput } from "~/lib/input.server";
import { filterMessage } from "~/modules/calls/scorecard-call-messages.server";
import { scorecard } from "~/modules/statements/scorecard.server";
import { POSITIONS } from "~/modules/statements/statements";
import { scorecardFilterSchema } from "~/modules/statements/statements.schema";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const input = queryInput(new URL(request.url).searchParams);
  const parsed = scorecardFilterSchema.safeParse(input.ok ? input.values : {});
  const card = await scorecard(
    params.slug ?? "",
    parsed.success ? parsed.data : scorecardFilterSchema.parse({}),
  );
  if (!card) notFound("No campaign has that address.");
  const error = parsed.success ? null : filterMessage(await fixedT(requestLocale(request)), parsed.error);
  return data({ ...card, error }, { status: error ? 400 : 200 });
}

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
  const { t } = useTranslation();
  const lp = useLocalePath();
  return (
    <tr>
      <th scope="row">
        {row.bioguide ? (
          <Link to={lp(`/members/${row.bioguide}`)}>{row.name}</Link>
        ) : (
          <span className={row.vacant ? "muted" : undefined}>
            {row.vacant ? t("scorecardCall.vacantName") : row.name}
          </span>
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
            {row.kind ? <> · {t(KIND_KEYS[row.kind])}</> : null}
            {row.sourceUrl ? (
              <>
                {" "}
                ·{" "}
                <a href={row.sourceUrl} rel="nofollow noopener noreferrer">
                  {t("scorecardCall.source")}
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
  const { t } = useTranslation();
  const lp = useLocalePath();
  const chambers = {
    senate: t("scorecardCall.senate"),
    house: t("scorecardCall.house"),
    official: t("scorecardCall.officials"),
  };
  const positions: Record<string, string> = Object.fromEntries(
    POSITIONS.map((p) => [p, t(POSITION_KEYS[p])]),
  );
  positions.none = t("scorecardCall.noAnswer");
  return (
    <div className="wrap page scorecard">
      <p>
        <Link to={lp(`/campaigns/${campaign.slug}`)}>← {campaign.title}</Link>
      </p>
      <h1>{t("scorecardCall.scorecardHeading")}</h1>
      <p className="lead">
        {t("scorecardCall.scorecardLead")}{" "}
        <Link to={lp(`/campaigns/${campaign.slug}/call`)}>{t("scorecardCall.callLink")}</Link>
      </p>
      <p>
        {t("scorecardCall.answered", { answered: totals.answered, offices: totals.offices })}
        {totals.vacant ? t("scorecardCall.vacant", { count: totals.vacant }) : ""}.
      </p>
      <Form method="get" className="toolbar" aria-label={t("scorecardCall.filterLabel")}>
        <FilterSelect
          name="chamber"
          label={t("scorecardCall.chamber")}
          any={t("scorecardCall.all")}
          options={chambers}
          value={filter.chamber}
        />
        <FilterSelect
          name="state"
          label={t("scorecardCall.state")}
          any={t("scorecardCall.allStates")}
          options={Object.fromEntries(states.map((s) => [s, s]))}
          value={filter.state}
        />
        <FilterSelect
          name="position"
          label={t("scorecardCall.position")}
          any={t("scorecardCall.anyPosition")}
          options={positions}
          value={filter.position}
        />
        <button className="button" type="submit">
          {t("scorecardCall.show")}
        </button>
      </Form>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption>
            {t("scorecardCall.matching", { count: totals.matching })}
            {pages > 1 ? t("scorecardCall.pageOf", { page: filter.page, pages }) : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("scorecardCall.office")}</th>
              <th scope="col">{t("scorecardCall.position")}</th>
              <th scope="col">{t("scorecardCall.dateSource")}</th>
              <th scope="col">{t("scorecardCall.signed")}</th>
              <th scope="col">{t("scorecardCall.wrote")}</th>
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
        <nav className="toolbar" aria-label={t("scorecardCall.pagesLabel")}>
          {filter.page > 1 ? (
            <Link to={pageLink(filter, filter.page - 1)}>{t("scorecardCall.previous")}</Link>
          ) : null}
          {filter.page < pages ? (
            <Link to={pageLink(filter, filter.page + 1)}>{t("scorecardCall.next")}</Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
