import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Gift not completed"} | ${data?.siteName ?? "Bring them home"}` },
  { name: "robots", content: "noindex" },
];

/** Where a giver lands after leaving Stripe's checkout, in the language they gave in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const campaign = new URL(request.url).searchParams.get("campaign") ?? "";
  const t = await fixedT(requestLocale(request));
  return {
    campaign: /^[a-z0-9-]{1,80}$/.test(campaign) ? campaign : null,
    title: t("donateReturn.cancelledTitle"),
    siteName: t("site.name"),
  };
}

export default function Cancelled() {
  const { campaign } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lp = useLocalePath();
  return (
    <div className="wrap page">
      <h1>{t("donateReturn.cancelled")}</h1>
      <p className="lead">{t("donateReturn.nothingCharged")}</p>
      <p>
        {/* The general giving page is English only; a campaign's is in the page's language. */}
        <Link className="button" to={campaign ? lp(`/campaigns/${campaign}/donate`) : "/donate"}>
          {t("donateReturn.again")}
        </Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
