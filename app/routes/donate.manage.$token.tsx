import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { TestModeNotice } from "~/components/donations/donation-form";
import { notFound } from "~/lib/http.server";
import { DONATION_STATUS_LABELS, formatCents } from "~/modules/donations/donations";
import { getManagedDonation, openBillingPortal } from "~/modules/donations/donations.server";

export const meta: MetaFunction = () => [
  { title: "Your monthly gift | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const gift = await getManagedDonation(params.token ?? "");
  if (!gift) notFound("This link does not match a monthly gift.");
  return { gift };
}

export async function action({ params }: ActionFunctionArgs) {
  const url = await openBillingPortal(params.token ?? "");
  if (!url) notFound("This link does not match a monthly gift.");
  throw redirect(url, 303);
}

export default function ManageGift() {
  const { gift } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>Your monthly gift of {formatCents(gift.amountCents)}</h1>
      {gift.testMode ? <TestModeNotice /> : null}
      <p>Status: {DONATION_STATUS_LABELS[gift.status]}.</p>
      {gift.canManage ? (
        <Form method="post">
          <p>Change your card, see past payments, or cancel in Stripe’s secure customer portal.</p>
          <button className="button" type="submit">
            Change or cancel my monthly gift
          </button>
        </Form>
      ) : (
        <p>There is nothing to manage: this gift has ended or was never completed.</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
