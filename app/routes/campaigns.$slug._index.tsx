import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { usePageLocale, useLocalePath } from "~/i18n/use-locale";
import { CampaignStatusBadge, CaseStatusBadge } from "~/components/badges";
import { CampaignGiving } from "~/components/donations/campaign-giving";
import { notFound } from "~/lib/http.server";
import { getPublicCampaign } from "~/modules/campaigns/campaigns.server";
import { getCampaignGiving } from "~/modules/donations/donations.server";
import { PetitionActionLink, PetitionSection, petitionMeta } from "~/components/petitions/petition-section";
import { getPetitionPage } from "~/modules/petitions/petitions.server";
import { WriteToCongressAction } from "~/components/letters/write-action";
import { campaignHasLetters } from "~/modules/letters/letters.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const locale = requestLocale(request);
  // The campaign's own title, summary and story in the page's language where an organizer wrote them.
  const [campaign, t] = await Promise.all([getPublicCampaign(slug, locale), fixedT(locale)]);
  if (!campaign) notFound("No campaign has that address.");
  // Each area's part of the page: one entry each.
  const [petition, giving, hasLetters] = await Promise.all([
    getPetitionPage(slug),
    getCampaignGiving(campaign.id),
    campaignHasLetters(campaign.id),
  ]);
  return { campaign, petition, giving, hasLetters, siteName: t("site.name") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.campaign.title} | ${data.siteName}` },
        { name: "description", content: data.campaign.summary },
        ...petitionMeta(data.petition, data.campaign.imageUrl),
      ]
    : [{ title: "Campaign not found" }];

export default function CampaignPage() {
  const { campaign, petition, giving, hasLetters } = useLoaderData<typeof loader>();
  const officials = campaign.targets.filter((t) => t.kind === "official");
  const chambers = campaign.targets.filter((t) => t.kind !== "official");
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const en = locale === "en" ? undefined : "en";
  return (
    <div className="wrap page">
      <p>
        <CampaignStatusBadge status={campaign.status} />
      </p>
      <h1 lang={campaign.lang.title !== locale ? campaign.lang.title : undefined}>{campaign.title}</h1>
      {campaign.untranslated ? (
        <p className="translation-note" role="note">
          {t("campaign.untranslated")}
        </p>
      ) : null}
      <p className="lead" lang={campaign.lang.summary !== locale ? campaign.lang.summary : undefined}>
        {campaign.summary}
      </p>
      {en ? <p className="small muted">{t("campaign.englishOnly")}</p> : null}
      <div className="layout-2">
        <article className="prose">
          <div
            lang={campaign.lang.bodyMd !== locale ? campaign.lang.bodyMd : undefined}
            dangerouslySetInnerHTML={{ __html: campaign.bodyHtml }}
          />
          <PetitionSection petition={petition} />
          {campaign.cases.length ? (
            <section aria-labelledby="cases-heading">
              <h2 id="cases-heading">{t("campaign.cases")}</h2>
              <ul className="link-list">
                {campaign.cases.map((c) => (
                  <li key={c.slug}>
                    <Link to={lp(`/cases/${c.slug}`)}>{c.fullName}</Link>{" "}
                    <CaseStatusBadge status={c.status} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
        <aside className="panel" aria-labelledby="act-heading">
          <h2 id="act-heading">{t("campaign.whoMustAct")}</h2>
          {campaign.targetSummary ? <p lang={en}>{campaign.targetSummary}</p> : null}
          <ul className="link-list">
            {chambers.map((c) => (
              <li key={c.kind}>{c.kind === "senate" ? t("campaign.senators") : t("campaign.house")}</li>
            ))}
            {officials.map((o) => (
              <li key={o.key} lang={en}>
                {o.name}
                {o.organization && o.organization !== o.name ? `, ${o.organization}` : ""}
              </li>
            ))}
          </ul>
          <h2>{t("campaign.whatYouCanDo")}</h2>
          <ul className="actions-list" id="actions" lang={en}>
            <PetitionActionLink petition={petition} />
            <WriteToCongressAction slug={campaign.slug} enabled={hasLetters && campaign.status === "live"} />
            {giving ? (
              <li>
                <CampaignGiving slug={campaign.slug} giving={giving} live={campaign.status === "live"} />
              </li>
            ) : null}
            <li>
              <Link
                className="button button--secondary"
                to={`${lp("/tips/new")}?campaign=${campaign.slug}`}
                lang={locale}
              >
                {t("campaign.sendTip")}
              </Link>
            </li>
          </ul>
          {campaign.status !== "live" ? (
            <p className="notice">{campaign.status === "won" ? t("campaign.won") : t("campaign.closed")}</p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
