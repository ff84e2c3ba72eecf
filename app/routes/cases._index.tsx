import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CaseStatusBadge } from "~/components/badges";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { usePageLocale, useLocalePath } from "~/i18n/use-locale";
import { initials, CASE_STATUS_LABELS, CONFLICT_LABELS } from "~/modules/cases/cases";
import { caseSearchSchema } from "~/modules/cases/cases.schema";
import { findCases } from "~/modules/cases/cases.server";
import { FilterSelect } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: "description", content: data?.meta.description },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = caseSearchSchema.safeParse(Object.fromEntries(url.searchParams));
  const search = parsed.success ? parsed.data : { q: "", conflict: undefined, status: undefined };
  const locale = requestLocale(request);
  const [cases, t] = await Promise.all([findCases(search, false, locale), fixedT(locale)]);
  return {
    meta: { title: `${t("cases.title")} | ${t("site.name")}`, description: t("cases.description") },
    cases,
    search,
    error: parsed.success ? null : t("cases.tooLong"),
  };
}

function labels<K extends string>(keys: Record<K, string>, t: (key: string) => string, prefix: string) {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, t(`${prefix}.${k}`)])) as Record<K, string>;
}

export default function CasesIndex() {
  const { cases, search, error } = useLoaderData<typeof loader>();
  const filtered = Boolean(search.q || search.conflict || search.status);
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  return (
    <div className="wrap page">
      <h1>{t("cases.heading")}</h1>
      <p className="lead">{t("cases.lead")}</p>
      <p className="panel help-identify-callout">
        <strong>{t("cases.calloutStrong")}</strong> {t("cases.callout")}{" "}
        <Link to={lp("/cases/help-identify")}>{t("cases.calloutLink")}</Link>
      </p>
      <Form method="get" role="search" className="stack" aria-label={t("cases.searchForm")}>
        <div className="search-form">
          <label htmlFor="q" className="visually-hidden">
            {t("cases.searchLabel")}
          </label>
          <input
            id="q"
            type="search"
            name="q"
            defaultValue={search.q}
            placeholder={t("cases.placeholder")}
            maxLength={200}
          />
          <button className="button" type="submit">
            {t("cases.search")}
          </button>
        </div>
        <div className="search-form">
          <div>
            <FilterSelect
              name="conflict"
              label={t("cases.conflict")}
              any={t("cases.allConflicts")}
              options={labels(CONFLICT_LABELS, t, "conflict")}
              value={search.conflict}
            />
          </div>
          <div>
            <FilterSelect
              name="status"
              label={t("cases.status")}
              any={t("cases.anyStatus")}
              options={labels(CASE_STATUS_LABELS, t, "caseStatus")}
              value={search.status}
            />
          </div>
        </div>
      </Form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="muted">
        {t(filtered ? "cases.matching" : "cases.count", { count: cases.length })}
        {filtered ? (
          <>
            {" "}
            <Link to={lp("/cases")}>{t("cases.showAll")}</Link>
          </>
        ) : null}
      </p>
      <ul className="cards">
        {cases.map((c) => (
          <li key={c.slug} className="card">
            <div className="portrait portrait--small" aria-hidden="true">
              {c.photoUrl ? <img src={c.photoUrl} alt="" /> : initials(c.fullName)}
            </div>
            <CaseStatusBadge status={c.status} />
            <h2 className="h3">
              <Link to={lp(`/cases/${c.slug}`)}>
                {c.rank ? <span lang={locale === "en" ? undefined : "en"}>{`${c.rank} `}</span> : ""}
                <span lang={c.lang.fullName !== locale ? c.lang.fullName : undefined}>{c.fullName}</span>
              </Link>
            </h2>
            <p className="muted small">
              {t(`conflict.${c.conflict}`)}
              {c.lossDate ? ` · ${c.lossDate}` : ""}
            </p>
            <p lang={c.lang.summary !== locale ? c.lang.summary : undefined}>{c.summary}</p>
          </li>
        ))}
      </ul>
      {cases.length === 0 ? (
        <p>
          <Trans i18nKey="cases.none" components={{ tip: <Link to={lp("/tips/new")} /> }} />
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
