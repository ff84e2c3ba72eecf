import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DonationForm } from "~/components/donations/donation-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/lib/http.server";
import { getGivingPage, startDonation } from "~/modules/donations/donations.server";
import { requireFormValues } from "~/lib/input.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getGivingPage(params.slug ?? "");
  if (!page?.campaign) notFound("This campaign is not taking gifts.");
  return { ...page, campaign: page.campaign };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Give: ${data.campaign.title} | Bring them home` : "Give | Bring them home" },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await requireFormValues(request);
  const result = await startDonation(params.slug ?? "", values, context.clientIp);
  if (result.ok) throw redirect(result.url, 303);
  return data({ fields: result.fields, message: result.message ?? null, values }, { status: result.status });
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
      <DonationForm
        {...page.limits}
        available={page.available}
        nonce={page.nonce}
        testMode={page.testMode}
        updatesWording={page.updatesWording}
        campaignTitle={page.campaign.title}
        values={actionData?.values}
        fields={actionData?.fields}
        message={actionData?.message}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
