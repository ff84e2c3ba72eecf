import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localizedPath, splitLocalePath } from "~/i18n/locales";

/**
 * Every route hands its errors here: a useful 404, a plain 403, and no stack trace ever. The
 * visitor's pages (404, 503, the generic failure) are in the URL's language (English outside a
 * prefix), read from the address itself since the failing loader may not have answered.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { locale } = splitLocalePath(useLocation().pathname);
  const { t: translate } = useTranslation();
  const t = (key: string) => translate(key, { lng: locale });
  const lp = (path: string) => localizedPath(locale, path);
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      return (
        <div className="wrap page">
          <h1>{t("errorPage.notFound")}</h1>
          <p className="lead">{t("errorPage.notFoundLead")}</p>
          <ul className="link-list">
            <li>
              <Link to={lp("/")}>{t("errorPage.campaigns")}</Link>
            </li>
            <li>
              <Link to={lp("/cases")}>{t("errorPage.cases")}</Link>
            </li>
            <li>
              <Link to={lp("/tips/new")}>{t("errorPage.tip")}</Link>
            </li>
          </ul>
        </div>
      );
    }
    if (error.status === 503) {
      return (
        <div className="wrap page">
          <h1>{t("errorPage.unavailableTitle")}</h1>
          <p className="lead">{t("errorPage.unavailable")}</p>
        </div>
      );
    }
    if (error.status === 403) {
      return (
        <div className="wrap page">
          <h1>You do not have permission to do that</h1>
          <p className="lead">
            {typeof error.data === "string" && error.data
              ? error.data
              : "Ask an owner of this site for access."}
          </p>
          <p>
            <Link to="/admin">Back to the organizer dashboard</Link>
          </p>
        </div>
      );
    }
    return (
      <div className="wrap page">
        <h1>
          {error.status} {error.statusText}
        </h1>
        <p className="lead" lang={locale === "en" || typeof error.data !== "string" ? undefined : "en"}>
          {typeof error.data === "string" ? error.data : t("errorPage.otherLead")}
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page">
      <h1>{t("errorPage.failedTitle")}</h1>
      <p className="lead">{t("errorPage.failed")}</p>
      <p>
        <Link to={lp("/")}>{t("errorPage.home")}</Link>
      </p>
    </div>
  );
}
