import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { MediaItem } from "~/components/media-item";
import { listPublicMedia } from "~/modules/media/media.server";
import { BackLink } from "~/components/notice";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: "description", content: data?.meta.description },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [items, t] = await Promise.all([listPublicMedia(locale), fixedT(locale)]);
  return {
    meta: { title: `${t("help.title")} | ${t("site.name")}`, description: t("help.description") },
    items: items.map((m) => ({
      slug: m.slug,
      title: m.title,
      kind: m.kind,
      description: m.description,
      dateText: m.dateText,
      source: m.source,
      imageUrl: m.imageUrl,
      imageAlt: m.imageAlt,
      caseSlug: m.caseSlug,
      caseName: m.caseName,
      textLocale: m.textLocale,
    })),
  };
}

export default function HelpIdentify() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lp = useLocalePath();
  return (
    <div className="wrap page">
      <BackLink to={lp("/cases")}>{t("help.back")}</BackLink>
      <h1>{t("help.heading")}</h1>
      <p className="lead">{t("help.lead")}</p>
      {items.length ? (
        <div className="media-list">
          {items.map((item) => (
            <MediaItem key={item.slug} item={item} />
          ))}
        </div>
      ) : (
        <p>
          <Trans i18nKey="help.none" components={{ tip: <Link to={lp("/tips/new")} /> }} />
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
