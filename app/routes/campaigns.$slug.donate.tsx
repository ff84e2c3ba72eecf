import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GivingPageForm } from "~/components/donations/giving-page-form";
import { notFound } from "~/lib/http.server";
import { answerDonation } from "~/modules/donations/donate-route.server";
import { getGivingPage } from "~/modules/donations/donations.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getGivingPage(params.slug ?? "");
  if (!page?.campaign) notFound("This campaign is not taking gifts.");
  return { ...page, campaign: page.campaign };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Give: ${data.campaign.title} | Bring them home` : "Give | Bring them home" },
];

export async function action(args: ActionFunctionArgs) {
  return answerDonation(args.params.slug ?? "", args);
}

export default function CampaignDonate() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="wrap page">
      <p>
        <Link to={`/campaigns/${page.campaign.slug}`}>← {page.campaign.title}</Link>
      </p>
      <h1>Give to “{page.campaign.title}”</h1>
      <p className="lead">{page.campaign.summary}</p>
      <GivingPageForm page={page} answer={actionData} campaignTitle={page.campaign.title} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
