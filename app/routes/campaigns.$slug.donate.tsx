import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans } from "react-i18next";
import { GivingPageForm } from "~/components/donations/giving-page-form";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";
import { notFound } from "~/lib/http.server";
import { answerDonation } from "~/modules/donations/donate-route.server";
import { getGivingPage } from "~/modules/donations/donations.server";
import { campaignsInLocale } from "~/modules/translations/translations.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [page, t] = await Promise.all([getGivingPage(params.slug ?? ""), fixedT(locale)]);
  if (!page?.campaign) notFound("This campaign is not taking gifts.");
  // The campaign's own title and summary in the page's language where an organizer wrote them.
  const [campaign] = await campaignsInLocale([page.campaign], locale);
  return {
    ...page,
    campaign,
    pageTitle: `${t("give.title", { title: campaign.title })} | ${t("site.name")}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? data.pageTitle : "Give | Bring them home" },
];

export async function action(args: ActionFunctionArgs) {
  return answerDonation(args.params.slug ?? "", args);
}

export default function CampaignDonate() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lp = useLocalePath();
  const { campaign } = page;
  return (
    <div className="wrap page">
      <p>
        <Link to={lp(`/campaigns/${campaign.slug}`)}>
          ← <span lang={campaign.lang.title}>{campaign.title}</span>
        </Link>
      </p>
      <h1>
        <Trans
          i18nKey="give.heading"
          values={{ title: campaign.title }}
          components={{ t: <span lang={campaign.lang.title} /> }}
        />
      </h1>
      <p className="lead" lang={campaign.lang.summary}>
        {campaign.summary}
      </p>
      <GivingPageForm page={page} answer={actionData} campaignTitle={campaign.title} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
