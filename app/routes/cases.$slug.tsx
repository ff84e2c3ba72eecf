import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseStatusBadge } from "~/components/badges";
import { notFound } from "~/lib/http.server";
import { initials, CONFLICT_LABELS } from "~/modules/cases/cases";
import { getPublicCase } from "~/modules/cases/cases.server";
import { BackLink } from "~/components/notice";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getPublicCase(params.slug ?? "");
  if (!found) notFound("No case file has that address.");
  return { c: found };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.c.fullName}: case file | Bring them home` },
        { name: "description", content: data.c.summary },
      ]
    : [{ title: "Case file not found" }];

export default function CasePage() {
  const { c } = useLoaderData<typeof loader>();
  const details: Array<[string, string | null]> = [
    ["Rank", c.rank],
    ["Service", c.service],
    ["Unit", c.unit],
    ["Conflict", CONFLICT_LABELS[c.conflict]],
    ["Date of loss", c.lossDate],
    ["Place of loss", c.lossPlace],
  ];
  return (
    <div className="wrap page">
      <BackLink to="/cases">All case files</BackLink>
      <div className="layout-2">
        <article>
          <CaseStatusBadge status={c.status} />
          <h1>
            {c.rank ? `${c.rank} ` : ""}
            {c.fullName}
          </h1>
          <p className="lead">{c.summary}</p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
          {c.facts.length ? (
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">What is known, and where it comes from</h2>
              <ol className="timeline">
                {c.facts.map((f) => (
                  <li key={f.position}>
                    <time>{f.occurredOn ?? "Date unknown"}</time>
                    <span>{f.fact}</span>
                    {f.sourceTitle || f.sourceUrl ? (
                      <div className="muted small">
                        Source:{" "}
                        {f.sourceUrl ? (
                          <a href={f.sourceUrl} rel="noopener noreferrer">
                            {f.sourceTitle ?? f.sourceUrl}
                          </a>
                        ) : (
                          f.sourceTitle
                        )}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </article>
        <aside className="panel" aria-label="Details and actions">
          <div className="portrait" aria-hidden={c.photoUrl ? undefined : true}>
            {c.photoUrl ? <img src={c.photoUrl} alt={`Portrait of ${c.fullName}`} /> : initials(c.fullName)}
          </div>
          {c.photoCredit ? <p className="muted small">Photo: {c.photoCredit}</p> : null}
          <dl className="facts">
            {details
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} className="facts__row">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <p>
            <Link className="button" to={`/tips/new?case=${c.slug}`}>
              Send a tip about this case
            </Link>
          </p>
          <p className="small muted">Tips are private. Only the organizers of this site read them.</p>
          {c.campaigns.length ? (
            <>
              <h2>Related campaigns</h2>
              <ul className="link-list">
                {c.campaigns.map((k) => (
                  <li key={k.slug}>
                    <Link to={`/campaigns/${k.slug}`}>{k.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
