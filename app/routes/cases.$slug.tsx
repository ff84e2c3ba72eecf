import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseStatusBadge } from "~/components/badges";
import { BackLink } from "~/components/notice";
import { formatRecordDate } from "~/i18n/format";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { NameVariants } from "~/i18n/name-variants";
import { usePageLocale, useLocalePath } from "~/i18n/use-locale";
import { notFound } from "~/lib/http.server";
import { initials } from "~/modules/cases/cases";
import { getPublicCase } from "~/modules/cases/cases.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [found, t] = await Promise.all([getPublicCase(params.slug ?? "", locale), fixedT(locale)]);
  if (!found) notFound("No case file has that address.");
  return { c: found, title: `${t("case.title", { name: found.fullName })} | ${t("site.name")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: "description", content: data.c.summary }]
    : [{ title: "Case file not found" }];

export default function CasePage() {
  const { c } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  /** `lang` for text that stayed in another language than the page's. */
  const other = (lang: string) => (lang !== locale ? lang : undefined);
  const en = locale === "en" ? undefined : "en";
  // [label, value, whether the value is the record's own English text]
  const details: Array<[string, string | null, boolean]> = [
    [t("case.rank"), c.rank, true],
    [t("case.service"), c.service, true],
    [t("case.unit"), c.unit, true],
    [t("case.conflict"), t(`conflict.${c.conflict}`), false],
    [t("case.lossDate"), c.lossDate ? formatRecordDate(c.lossDate, locale) : null, false],
    [t("case.lossPlace"), c.lossPlace, true],
  ];
  return (
    <div className="wrap page">
      <BackLink to={lp("/cases")}>{t("case.back")}</BackLink>
      <div className="layout-2">
        <article>
          <CaseStatusBadge status={c.status} />
          <h1>
            {c.rank ? <span lang={en}>{`${c.rank} `}</span> : ""}
            <span lang={other(c.lang.fullName)}>{c.fullName}</span>
          </h1>
          {c.fullName !== c.englishName ? (
            <p className="muted" lang="en">
              {c.englishName}
            </p>
          ) : null}
          {c.untranslated ? (
            <p className="translation-note" role="note">
              {t("site.fallback")}
            </p>
          ) : null}
          <p className="lead" lang={other(c.lang.summary)}>
            {c.summary}
          </p>
          <div
            className="prose"
            lang={other(c.lang.bodyMd)}
            dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
          />
          {c.facts.length ? (
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t("case.timeline")}</h2>
              <ol className="timeline">
                {c.facts.map((f) => (
                  <li key={f.position}>
                    <time dateTime={f.occurredOn ?? undefined}>
                      {f.occurredOn ? formatRecordDate(f.occurredOn, locale) : t("case.dateUnknown")}
                    </time>
                    <span lang={other(f.factLang)}>{f.fact}</span>
                    {f.sourceTitle || f.sourceUrl ? (
                      <div className="muted small">
                        {t("case.source")}{" "}
                        {f.sourceUrl ? (
                          <a href={f.sourceUrl} rel="noopener noreferrer" lang={en}>
                            {f.sourceTitle ?? f.sourceUrl}
                          </a>
                        ) : (
                          <span lang={en}>{f.sourceTitle}</span>
                        )}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </article>
        <aside className="panel" aria-label={t("case.aside")}>
          <div className="portrait" aria-hidden={c.photoUrl ? undefined : true}>
            {c.photoUrl ? (
              <img src={c.photoUrl} alt={t("case.portrait", { name: c.fullName })} />
            ) : (
              initials(c.englishName)
            )}
          </div>
          {c.photoCredit ? (
            <p className="muted small">
              {t("case.photo", { credit: "" })}
              <span lang={en}>{c.photoCredit}</span>
            </p>
          ) : null}
          <dl className="facts">
            {details
              .filter(([, v]) => v)
              .map(([k, v, english]) => (
                <div key={k} className="facts__row">
                  <dt>{k}</dt>
                  <dd lang={english ? en : undefined}>{v}</dd>
                </div>
              ))}
            {c.nameVariants ? (
              <div className="facts__row">
                <dt>{t("case.otherNames")}</dt>
                <dd>
                  <NameVariants text={c.nameVariants} />
                </dd>
              </div>
            ) : null}
          </dl>
          <p>
            <Link className="button" to={`${lp("/tips/new")}?case=${c.slug}`}>
              {t("case.sendTip")}
            </Link>
          </p>
          <p className="small muted">{t("case.private")}</p>
          {c.campaigns.length ? (
            <>
              <h2>{t("case.campaigns")}</h2>
              <ul className="link-list">
                {c.campaigns.map((k) => (
                  <li key={k.slug}>
                    <Link to={lp(`/campaigns/${k.slug}`)} lang={other(k.lang.title)}>
                      {k.title}
                    </Link>
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
