import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { KIND_KEYS, PositionBadge } from "~/components/statements/position-badge";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { notFound } from "~/lib/http.server";
import { seatLabel } from "~/modules/legislators/seats";
import { memberPage } from "~/modules/statements/public-statements.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const bioguide = params.bioguide ?? "";
  const locale = requestLocale(request);
  const [page, t] = await Promise.all([
    /^[A-Z][0-9]{6}$/.test(bioguide) ? memberPage(bioguide, locale) : null,
    fixedT(locale),
  ]);
  if (!page) notFound("No member of Congress has that id.");
  return { ...page, siteName: t("site.name") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.member.title} ${data.member.fullName} | ${data.siteName}` }]
    : [{ title: "Not found" }];

/** A member of Congress and their positions, in the page's language; the records stay English, marked. */
export default function MemberPage() {
  const { member, statements } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lp = useLocalePath();
  const locale = usePageLocale();
  const en = locale === "en" ? undefined : "en";
  return (
    <div className="wrap page">
      <h1>
        <span lang={en}>{member.title}</span> {member.fullName}
      </h1>
      <p className="lead">
        <span lang={en}>{member.party}</span>,{" "}
        {seatLabel(member.state, member.chamber === "house" ? member.district : null)}
      </p>
      <h2>{t("member.positions")}</h2>
      {statements.length ? (
        <ul className="statement-list">
          {statements.map((s) => (
            <li key={s.id}>
              <h3 className="h4">
                <Link
                  to={lp(`/campaigns/${s.campaignSlug}/scorecard`)}
                  lang={s.campaignTitleLang === locale ? undefined : s.campaignTitleLang}
                >
                  {s.campaignTitle}
                </Link>
              </h3>
              <p>
                <PositionBadge position={s.position} />{" "}
                <span className="small">
                  {t(KIND_KEYS[s.kind])}, {s.statedOn}
                </span>
              </p>
              {s.body ? (
                <p className="statement-text" lang={en}>
                  {s.body}
                </p>
              ) : null}
              {s.sourceUrl ? (
                <p className="small">
                  <a href={s.sourceUrl} rel="nofollow noopener noreferrer" hrefLang={en}>
                    {t("member.source")}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("member.none")}</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
