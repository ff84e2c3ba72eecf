import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";
import { publicVerifierKey } from "~/modules/transparency/transparency.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await fixedT(requestLocale(request));
  return { title: `${t("about.title")} | ${t("site.name")}`, verifierKey: publicVerifierKey() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function About() {
  const { t } = useTranslation();
  const lp = useLocalePath();
  const { verifierKey } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page prose">
      <h1>{t("about.title")}</h1>
      <p className="lead">{t("about.lead")}</p>
      <h2>{t("about.whyHeading")}</h2>
      <p>{t("about.why1")}</p>
      <p>{t("about.why2")}</p>
      <h2>{t("about.doHeading")}</h2>
      <ul>
        <li>
          <Trans i18nKey="about.doCampaign" components={{ a: <Link to={lp("/")} /> }} />
        </li>
        <li>
          <Trans i18nKey="about.doCases" components={{ a: <Link to={lp("/cases")} /> }} />
        </li>
        <li>
          <Trans i18nKey="about.doTip" components={{ a: <Link to={lp("/tips/new")} /> }} />
        </li>
      </ul>
      <h2>{t("about.privacyHeading")}</h2>
      <p>{t("about.privacy")}</p>
      <h2>{t("about.countsHeading")}</h2>
      <p>
        <Trans i18nKey="about.counts" components={{ a: <Link to="/transparency" lang="en" /> }} />
      </p>
      <pre>
        <code>{verifierKey}</code>
      </pre>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
