import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { env } from "~/env.server";
import { LanguageSwitcher } from "~/i18n/language-switcher";
import { DEFAULT_LOCALE, isLocale, localizedPath } from "~/i18n/locales";
import { pageLanguages } from "~/i18n/page-languages.server";
import stylesheet from "~/styles/app.css";
import fontsKo from "~/styles/fonts-ko.css";
import fontsSwitcher from "~/styles/fonts-switcher.css";
import fontsZhHans from "~/styles/fonts-zh-hans.css";
import fontsZhHant from "~/styles/fonts-zh-hant.css";
import languages from "~/styles/languages.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: fontsSwitcher },
  { rel: "stylesheet", href: languages },
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The page's own CJK font (about 90 KB of @font-face rules each, so only where it is needed). */
const PAGE_FONTS: Partial<Record<string, string>> = {
  ko: fontsKo,
  "zh-Hans": fontsZhHans,
  "zh-Hant": fontsZhHant,
};

export async function loader({ request }: LoaderFunctionArgs) {
  const config = env();
  const { headers, ...languages } = await pageLanguages(request);
  return data(
    {
      orgName: config.ORG_NAME,
      orgAddress: config.ORG_POSTAL_ADDRESS,
      timeZone: config.ORG_TIME_ZONE,
      ...languages,
    },
    { headers },
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
  const { t } = useTranslation();
  const lp = (path: string) => localizedPath(locale, path);
  const orgName = data?.orgName ?? "Bring Them Home";
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {PAGE_FONTS[locale] ? <link rel="stylesheet" href={PAGE_FONTS[locale]} /> : null}
        {data?.alternates.map((a) => (
          <link key={a.hrefLang} rel="alternate" hrefLang={a.hrefLang} href={a.href} />
        ))}
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("site.skip")}
        </a>
        <header className="site-header">
          <div className="wrap site-header__inner">
            <a href={lp("/")} className="brand">
              <span className="brand__mark" aria-hidden="true">
                ★
              </span>
              <span lang={locale === DEFAULT_LOCALE ? undefined : "en"}>{orgName}</span>
            </a>
            <nav aria-label={t("site.mainNav")}>
              <ul className="nav">
                <li>
                  <NavLink to={lp("/")} end>
                    {t("site.campaigns")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={lp("/cases")}>{t("site.cases")}</NavLink>
                </li>
                <li>
                  <NavLink to={lp("/tips/new")}>{t("site.tip")}</NavLink>
                </li>
                <li>
                  <NavLink to={lp("/about")}>{t("site.about")}</NavLink>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        {data?.links.length ? (
          <div className="wrap">
            <LanguageSwitcher links={data.links} current={locale} />
          </div>
        ) : null}
        {data?.offer ? (
          <p className="wrap language-offer" lang={data.offer.locale}>
            {t("site.offer", { lng: data.offer.locale })}{" "}
            <a href={data.offer.href} hrefLang={data.offer.locale}>
              {t("site.offerLink", { lng: data.offer.locale })}
            </a>
          </p>
        ) : null}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t("site.footer", { org: orgName })}</p>
            {data?.orgAddress ? (
              <p className="muted" lang="en">
                {data.orgAddress}
              </p>
            ) : null}
            <p className="muted">
              <a href={lp("/about")}>{t("site.aboutPrivacy")}</a> ·{" "}
              <a href="/admin">{t("site.organizers")}</a>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
