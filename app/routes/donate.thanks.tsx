import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { TestModeNotice } from "~/components/donations/donation-form";
import { formatUsd } from "~/i18n/format";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { getThanks } from "~/modules/donations/donations.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Thank you"} | ${data?.siteName ?? "Bring them home"}` },
  { name: "robots", content: "noindex" },
];

/** Where Stripe's checkout returns a giver, in the language they gave in (/ko/donate/thanks). */
export async function loader({ request }: LoaderFunctionArgs) {
  const sessionId = new URL(request.url).searchParams.get("session_id") ?? "";
  const [gift, t] = await Promise.all([getThanks(sessionId.slice(0, 200)), fixedT(requestLocale(request))]);
  return { gift, title: t("donateReturn.title"), siteName: t("site.name") };
}

export default function Thanks() {
  const { gift } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const key = gift
    ? `donateReturn.${gift.frequency === "monthly" ? "monthly" : "once"}${gift.campaign ? "To" : ""}${gift.status === "pending" ? "Pending" : ""}`
    : "";
  return (
    <div className="wrap page">
      <h1>{t("donateReturn.title")}</h1>
      {gift ? (
        <>
          {gift.testMode ? <TestModeNotice /> : null}
          <p className="lead">
            <Trans
              i18nKey={key}
              values={{ amount: formatUsd(gift.amountCents, locale), title: gift.campaign?.title }}
              // The campaign's title as organizers wrote it: English.
              components={{ t: <span lang={locale === "en" ? undefined : "en"} /> }}
            />
          </p>
          <p>
            {t("donateReturn.receipt")}
            {locale === "en" ? null : ` ${t("donateReturn.receiptEnglish")}`}
          </p>
          {gift.campaign ? (
            <p>
              <Link to={lp(`/campaigns/${gift.campaign.slug}`)}>{t("donateReturn.back")}</Link>
            </p>
          ) : (
            <p>
              <Link to={lp("/")}>{t("donateReturn.campaigns")}</Link>
            </p>
          )}
        </>
      ) : (
        <p className="lead">
          <Trans i18nKey="donateReturn.support" components={{ a: <Link to={lp("/")} /> }} />
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
