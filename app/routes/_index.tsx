import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CampaignStatusBadge, CaseStatusBadge } from "~/components/badges";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { usePageLocale, useLocalePath } from "~/i18n/use-locale";
import { listPublicCampaigns } from "~/modules/campaigns/campaigns.server";
import { recentCases } from "~/modules/cases/cases.server";
import { campaignsInLocale } from "~/modules/translations/translations.server";
import { Progress } from "~/components/progress";
import { petitionProgress } from "~/modules/petitions/petitions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: "description", content: data?.meta.description },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [all, cases, t] = await Promise.all([listPublicCampaigns(), recentCases(3, locale), fixedT(locale)]);
  const [campaigns, petitions] = await Promise.all([
    campaignsInLocale(all, locale),
    petitionProgress(all.map((c) => c.id)),
  ]);
  return {
    meta: { title: t("home.title"), description: t("home.description") },
    campaigns,
    cases,
    petitions,
  };
}

export default function Home() {
  const { campaigns, cases, petitions } = useLoaderData<typeof loader>();
  const live = campaigns.filter((c) => c.status === "live");
  const past = campaigns.filter((c) => c.status !== "live");
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const number = new Intl.NumberFormat(locale);
  const other = (lang: string) => (lang !== locale ? lang : undefined);
  return (
    <>
      <section className="hero">
        <div className="wrap">
          <h1>{t("home.heading")}</h1>
          <p className="lead">{t("home.lead")}</p>
          <ul className="stats" aria-label={t("home.stats")}>
            <li>
              <strong>~{number.format(8000)}</strong> {t("home.statMissing")}
            </li>
            <li>
              <strong>1953</strong> {t("home.statArmistice")}
            </li>
            <li>
              <strong>{number.format(live.length)}</strong> {t("home.statLive", { count: live.length })}
            </li>
          </ul>
        </div>
      </section>
      <div className="wrap page">
        <h2 id="campaigns">{t("home.liveHeading")}</h2>
        {live.length === 0 ? (
          <p>
            <Trans
              i18nKey="home.noLive"
              components={{ cases: <Link to={lp("/cases")} />, tip: <Link to={lp("/tips/new")} /> }}
            />
          </p>
        ) : (
          <ul className="cards" aria-labelledby="campaigns">
            {live.map((c) => (
              <li key={c.slug} className="card">
                <CampaignStatusBadge status={c.status} />
                <h3 lang={other(c.lang.title)}>
                  <Link to={lp(`/campaigns/${c.slug}`)}>{c.title}</Link>
                </h3>
                <p lang={other(c.lang.summary)}>{c.summary}</p>
                {c.targetSummary ? (
                  <p className="muted small">{t("home.whoMustAct", { target: c.targetSummary })}</p>
                ) : null}
                {petitions[c.id] ? (
                  <Progress
                    value={petitions[c.id].signatureCount}
                    goal={petitions[c.id].goal}
                    label={t("home.signatures")}
                  />
                ) : null}
                <div className="card__actions">
                  <Link
                    className="button"
                    to={lp(`/campaigns/${c.slug}`)}
                    aria-label={t("home.takeActionLabel", { title: c.title })}
                  >
                    {t("home.takeAction")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}

        <h2 id="cases-heading">{t("home.recentCases")}</h2>
        <ul className="cards" aria-labelledby="cases-heading">
          {cases.map((c) => (
            <li key={c.slug} className="card">
              <CaseStatusBadge status={c.status} />
              <h3>
                <Link to={lp(`/cases/${c.slug}`)}>
                  {c.rank ? <span lang={other("en")}>{`${c.rank} `}</span> : ""}
                  <span lang={other(c.lang.fullName)}>{c.fullName}</span>
                </Link>
              </h3>
              <p className="muted small">{t(`conflict.${c.conflict}`)}</p>
              <p lang={other(c.lang.summary)}>{c.summary}</p>
            </li>
          ))}
        </ul>
        <p>
          <Link to={lp("/cases")}>{t("home.searchAll")}</Link>
        </p>

        {past.length ? (
          <>
            <h2>{t("home.past")}</h2>
            <ul className="link-list">
              {past.map((c) => (
                <li key={c.slug}>
                  <Link to={lp(`/campaigns/${c.slug}`)} lang={other(c.lang.title)}>
                    {c.title}
                  </Link>{" "}
                  <CampaignStatusBadge status={c.status} />
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
