import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GivingPageForm } from "~/components/donations/giving-page-form";
import { answerDonation } from "~/modules/donations/donate-route.server";
import { getGivingPage } from "~/modules/donations/donations.server";

export const meta: MetaFunction = () => [
  { title: "Give | Bring them home" },
  { name: "description", content: "Support the campaigns for unreturned American POWs." },
];

export async function loader(_args: LoaderFunctionArgs) {
  const page = await getGivingPage(null);
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export async function action(args: ActionFunctionArgs) {
  return answerDonation(null, args);
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
      <GivingPageForm page={page} answer={actionData} campaignTitle={null} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
