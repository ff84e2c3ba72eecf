import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignStatusBadge, CaseStatusBadge } from "~/components/badges";
import { CampaignGiving } from "~/components/donations/campaign-giving";
import { notFound } from "~/lib/http.server";
import { getPublicCampaign } from "~/modules/campaigns/campaigns.server";
import { getCampaignGiving } from "~/modules/donations/donations.server";
import { PetitionActionLink, PetitionSection, petitionMeta } from "~/components/petitions/petition-section";
import { getPetitionPage } from "~/modules/petitions/petitions.server";
import { WriteToCongressAction } from "~/components/letters/write-action";
import { campaignHasLetters } from "~/modules/letters/letters.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound("No campaign has that address.");
  // Each area's part of the page: one entry each.
  const [petition, giving, hasLetters] = await Promise.all([
    getPetitionPage(slug),
    getCampaignGiving(campaign.id),
    campaignHasLetters(campaign.id),
  ]);
  return { campaign, petition, giving, hasLetters };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.campaign.title} | Bring them home` },
        { name: "description", content: data.campaign.summary },
        ...petitionMeta(data.petition, data.campaign.imageUrl),
      ]
    : [{ title: "Campaign not found" }];

export default function CampaignPage() {
  const { campaign, petition, giving, hasLetters } = useLoaderData<typeof loader>();
  const officials = campaign.targets.filter((t) => t.kind === "official");
  const chambers = campaign.targets.filter((t) => t.kind !== "official");
  return (
    <div className="wrap page">
      <p>
        <CampaignStatusBadge status={campaign.status} />
      </p>
      <h1>{campaign.title}</h1>
      <p className="lead">{campaign.summary}</p>
      <div className="layout-2">
        <article className="prose">
          <div dangerouslySetInnerHTML={{ __html: campaign.bodyHtml }} />
          <PetitionSection petition={petition} />
          {campaign.cases.length ? (
            <section aria-labelledby="cases-heading">
              <h2 id="cases-heading">The men this campaign is about</h2>
              <ul className="link-list">
                {campaign.cases.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/cases/${c.slug}`}>{c.fullName}</Link> <CaseStatusBadge status={c.status} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
        <aside className="panel" aria-labelledby="act-heading">
          <h2 id="act-heading">Who must act</h2>
          {campaign.targetSummary ? <p>{campaign.targetSummary}</p> : null}
          <ul className="link-list">
            {chambers.map((t) => (
              <li key={t.kind}>{t.kind === "senate" ? "Your two senators" : "Your member of the House"}</li>
            ))}
            {officials.map((t) => (
              <li key={t.key}>
                {t.name}
                {t.organization && t.organization !== t.name ? `, ${t.organization}` : ""}
              </li>
            ))}
          </ul>
          <h2>What you can do</h2>
          <ul className="actions-list" id="actions">
            <PetitionActionLink petition={petition} />
            <WriteToCongressAction slug={campaign.slug} enabled={hasLetters && campaign.status === "live"} />
            {giving ? (
              <li>
                <CampaignGiving slug={campaign.slug} giving={giving} live={campaign.status === "live"} />
              </li>
            ) : null}
            <li>
              <Link className="button button--secondary" to={`/tips/new?campaign=${campaign.slug}`}>
                Send a tip
              </Link>
            </li>
          </ul>
          {campaign.status !== "live" ? (
            <p className="notice">
              This campaign is{" "}
              {campaign.status === "won" ? "won. Thank you to everyone who took part." : "closed."}
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
