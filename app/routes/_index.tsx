import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignStatusBadge, CaseStatusBadge } from "~/components/badges";
import { listPublicCampaigns } from "~/modules/campaigns/campaigns.server";
import { recentCases } from "~/modules/cases/cases.server";
import { CONFLICT_LABELS } from "~/modules/cases/cases";
import { Progress } from "~/components/progress";
import { petitionProgress } from "~/modules/petitions/petitions.server";

export const meta: MetaFunction = () => [
  { title: "Bring them home: the Americans never returned after the Korean War and the Cold War" },
  {
    name: "description",
    content:
      "Campaigns, case files and tips for the American servicemen held back after the Korean War and during the Cold War.",
  },
];

export async function loader() {
  const [campaigns, cases] = await Promise.all([listPublicCampaigns(), recentCases(3)]);
  const petitions = await petitionProgress(campaigns.map((c) => c.id));
  return { campaigns, cases, petitions };
}

export default function Home() {
  const { campaigns, cases, petitions } = useLoaderData<typeof loader>();
  const live = campaigns.filter((c) => c.status === "live");
  const past = campaigns.filter((c) => c.status !== "live");
  return (
    <>
      <section className="hero">
        <div className="wrap">
          <h1>They were left behind. We are still asking.</h1>
          <p className="lead">
            About 8,000 Americans are still unaccounted for from the Korean War. Declassified records show the
            communist side kept some prisoners after the 1953 armistice. Families, veterans and investigators
            use this site to press for answers: sign, write to Congress, give, and send what you know.
          </p>
          <ul className="stats" aria-label="The issue in numbers">
            <li>
              <strong>~8,000</strong> Americans unaccounted for from Korea
            </li>
            <li>
              <strong>1953</strong> armistice; not every prisoner came home
            </li>
            <li>
              <strong>{live.length}</strong> live {live.length === 1 ? "campaign" : "campaigns"}
            </li>
          </ul>
        </div>
      </section>
      <div className="wrap page">
        <h2 id="campaigns">Live campaigns</h2>
        {live.length === 0 ? (
          <p>
            No campaign is live right now. Read the <Link to="/cases">case files</Link> or{" "}
            <Link to="/tips/new">send a tip</Link>.
          </p>
        ) : (
          <ul className="cards" aria-labelledby="campaigns">
            {live.map((c) => (
              <li key={c.slug} className="card">
                <CampaignStatusBadge status={c.status} />
                <h3>
                  <Link to={`/campaigns/${c.slug}`}>{c.title}</Link>
                </h3>
                <p>{c.summary}</p>
                {c.targetSummary ? <p className="muted small">Who must act: {c.targetSummary}</p> : null}
                {petitions[c.id] ? (
                  <Progress
                    value={petitions[c.id].signatureCount}
                    goal={petitions[c.id].goal}
                    label="Signatures"
                  />
                ) : null}
                <div className="card__actions">
                  <Link className="button" to={`/campaigns/${c.slug}`} aria-label={`Take action: ${c.title}`}>
                    Take action
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}

        <h2 id="cases-heading">Recent case files</h2>
        <ul className="cards" aria-labelledby="cases-heading">
          {cases.map((c) => (
            <li key={c.slug} className="card">
              <CaseStatusBadge status={c.status} />
              <h3>
                <Link to={`/cases/${c.slug}`}>
                  {c.rank ? `${c.rank} ` : ""}
                  {c.fullName}
                </Link>
              </h3>
              <p className="muted small">{CONFLICT_LABELS[c.conflict]}</p>
              <p>{c.summary}</p>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/cases">Search all case files</Link>
        </p>

        {past.length ? (
          <>
            <h2>Past campaigns</h2>
            <ul className="link-list">
              {past.map((c) => (
                <li key={c.slug}>
                  <Link to={`/campaigns/${c.slug}`}>{c.title}</Link> <CampaignStatusBadge status={c.status} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
