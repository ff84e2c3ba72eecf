import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DonationForm } from "~/components/donations/donation-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getGivingPage, startDonation } from "~/modules/donations/donations.server";
import { requireFormValues } from "~/lib/input.server";

export const meta: MetaFunction = () => [
  { title: "Give | Bring them home" },
  { name: "description", content: "Support the campaigns for unreturned American POWs." },
];

export async function loader(_args: LoaderFunctionArgs) {
  const page = await getGivingPage(null);
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await requireFormValues(request);
  const result = await startDonation(null, values, context.clientIp);
  if (result.ok) throw redirect(result.url, 303);
  return data({ fields: result.fields, message: result.message ?? null, values }, { status: result.status });
}

export default function Donate() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="wrap page">
      <h1>Give to bring them home</h1>
      <p className="lead">
        Your gift pays for records requests, archive research abroad, and keeping families’ questions in front
        of Congress.
      </p>
      <DonationForm
        {...page.limits}
        available={page.available}
        nonce={page.nonce}
        testMode={page.testMode}
        updatesWording={page.updatesWording}
        campaignTitle={null}
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
