import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/i18n/format";
import { type Locale, localizedPath } from "~/i18n/locales";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { Progress } from "~/components/progress";
import { ago } from "~/modules/petitions/petitions";
import { seatLabel } from "~/modules/legislators/seats";
import type { PetitionPage } from "~/modules/petitions/petitions.server";
import { HourlyChart } from "./hourly-chart";
import { SignatureForm } from "./signature-form";

type Petition = Omit<PetitionPage, "deadline" | "updatedAt"> & {
  deadline: string | Date | null;
  updatedAt: string | Date;
};

/** Open Graph and Twitter card tags for a campaign page, with the signature count. */
export function petitionMeta(petition: Petition | null | undefined, image?: string | null) {
  if (!petition) return [];
  const description = `${petition.signatureCount.toLocaleString("en-US")} ${petition.signatureCount === 1 ? "person has" : "people have"} signed. Help reach ${petition.goal.toLocaleString("en-US")}.`;
  return [
    { property: "og:type", content: "website" },
    { property: "og:title", content: petition.title },
    { property: "og:description", content: description },
    { property: "og:url", content: petition.url },
    ...(image ? [{ property: "og:image", content: image }] : []),
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: petition.title },
    { name: "twitter:description", content: description },
  ];
}

/** The aside's call to action. */
export function PetitionActionLink({ petition }: { petition: Petition | null | undefined }) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  if (!petition || petition.status !== "open") return null;
  return (
    <li>
      <a className="button" href="#sign" lang={locale}>
        {t("sign.submit")}
      </a>
    </li>
  );
}

/** The petition's address in the page's language, with where a visit came from. */
function shareUrl(url: string, locale: Locale, source: string): string {
  const u = new URL(url);
  u.pathname = localizedPath(locale, u.pathname);
  u.searchParams.set("source", source);
  return u.toString();
}

function ShareLinks({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const link = (source: string) => shareUrl(url, locale, source);
  const text = encodeURIComponent(t("petition.shareText", { title }));
  return (
    <ul className="petition-share">
      <li>
        <a
          href={`https://twitter.com/intent/tweet?text=${text}&url=${encodeURIComponent(link("twitter"))}`}
          rel="noopener noreferrer"
          target="_blank"
        >
          {t("petition.shareX")}
        </a>
      </li>
      <li>
        <a
          href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link("facebook"))}`}
          rel="noopener noreferrer"
          target="_blank"
        >
          {t("petition.shareFacebook")}
        </a>
      </li>
      <li>
        <a href={`mailto:?subject=${text}&body=${encodeURIComponent(link("email"))}`}>
          {t("petition.shareEmail")}
        </a>
      </li>
      <li>
        <span className="small muted">
          {t("petition.shareLink")} <code>{link("share")}</code>
        </span>
      </li>
    </ul>
  );
}

/**
 * The petition on its campaign page: progress, the form, the chart, states and recent signers, in
 * the page's language. The ask is the organizers' own text and stays English (marked).
 */
export function PetitionSection({ petition }: { petition: Petition | null | undefined }) {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  if (!petition) return null;
  const signed = params.get("signed");
  const source = params.get("source");
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby="petition-heading" className="petition" id="petition">
      <h2 id="petition-heading">{t("petition.heading")}</h2>
      <blockquote className="petition-ask" lang={locale === "en" ? undefined : "en"}>
        {petition.ask}
      </blockquote>
      <Progress value={petition.signatureCount} goal={petition.goal} label={t("sign.signatures")} />
      <p className="small muted" id="petition-updated">
        {t("petition.counted", { ago: ago(petition.updatedAt, new Date(petition.now), locale) })}
        {petition.pendingCount ? ` ${t("petition.pending", { count: petition.pendingCount })}` : ""}
        {petition.withdrawnCount ? ` ${t("petition.withdrawn", { count: petition.withdrawnCount })}` : ""}{" "}
        <Link to={`/transparency/petitions/${petition.slug}`} hrefLang={locale === "en" ? undefined : "en"}>
          {t("petition.check")}
        </Link>
      </p>
      <div id="sign" className="petition-sign">
        {signed ? (
          <div className="notice" role="status">
            <strong>{t("sign.thanks")}</strong>{" "}
            {signed === "confirmed" ? t("sign.confirmed") : t("sign.pending")}
          </div>
        ) : petition.status === "open" ? (
          <>
            <h3>{t("petition.addName")}</h3>
            <SignatureForm slug={petition.slug} source={source} />
          </>
        ) : (
          <p className="notice">{t("sign.closed")}</p>
        )}
      </div>
      <h3>{t("petition.share")}</h3>
      <ShareLinks url={petition.url} title={petition.title} />
      <h3>{t("petition.overTime")}</h3>
      <HourlyChart hourly={petition.hourly} now={petition.now} title={t("petition.chartTitle")} />
      {petition.byState.length ? (
        <>
          <h3>{t("petition.where")}</h3>
          <table className="data petition-states">
            <caption className="visually-hidden">{t("petition.byStateCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("petition.state")}</th>
                <th scope="col" className="num">
                  {t("petition.signatures")}
                </th>
              </tr>
            </thead>
            <tbody>
              {petition.byState.slice(0, 10).map((s) => (
                <tr key={s.state}>
                  <td>{s.state}</td>
                  <td className="num">{n(s.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {petition.byDistrict.length ? (
            <details>
              <summary>{t("petition.byDistrict")}</summary>
              <p className="small">
                {petition.byDistrict.map((d) => `${seatLabel(d.state, d.district)}: ${n(d.n)}`).join(" · ")}
              </p>
            </details>
          ) : null}
        </>
      ) : null}
      {petition.recent.length ? (
        <>
          <h3>{t("petition.recent")}</h3>
          <ul className="petition-recent">
            {petition.recent.map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong>
                {r.city || r.state ? (
                  <span className="muted">, {[r.city, r.state].filter(Boolean).join(", ")}</span>
                ) : null}
                {r.comment ? <q>{r.comment}</q> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="small">
        <Link to={lp(`/campaigns/${petition.slug}/sign`)}>{t("petition.standalone")}</Link>
      </p>
    </section>
  );
}
