import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";
import { REFERENCE_PATTERN } from "~/modules/tips/tips";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const ref = new URL(request.url).searchParams.get("ref") ?? "";
  const t = await fixedT(requestLocale(request));
  return {
    title: `${t("tipSent.title")} | ${t("site.name")}`,
    reference: REFERENCE_PATTERN.test(ref) ? ref : null,
  };
}

export default function TipSent() {
  const { reference } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lp = useLocalePath();
  return (
    <div className="wrap page">
      <h1>{t("tipSent.heading")}</h1>
      {reference ? (
        <div className="notice" role="status">
          <p>{t("tipSent.reference")}</p>
          <p className="tip-reference">{reference}</p>
          <p className="small">{t("tipSent.keep")}</p>
        </div>
      ) : (
        <p className="notice" role="status">
          {t("tipSent.received")}
        </p>
      )}
      <p>{t("tipSent.read")}</p>
      <ul className="link-list">
        <li>
          <Link to={lp("/cases")}>{t("tipSent.cases")}</Link>
        </li>
        <li>
          <Link to={lp("/cases/help-identify")}>{t("tipSent.help")}</Link>
        </li>
        <li>
          <Link to={lp("/tips/new")}>{t("tipSent.another")}</Link>
        </li>
      </ul>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
