import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { TestModeNotice } from "~/components/donations/donation-form";
import { notFound } from "~/lib/http.server";
import { DONATION_STATUS_LABELS, formatCents } from "~/modules/donations/donations";
import { getTestPortal, testPortalAction } from "~/modules/donations/test-mode.server";
import { requireForm } from "~/lib/input.server";
import { Notice } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Test customer portal | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const portal = await getTestPortal(params.token ?? "");
  if (!portal) notFound("No test subscription has that address.");
  return { portal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const intent = String((await requireForm(request)).get("intent") ?? "");
  if (intent !== "cancel" && intent !== "next-payment")
    return data({ message: "Unknown action." }, { status: 400 });
  const done = await testPortalAction(params.token ?? "", intent);
  if (!done) return data({ message: "That cannot be done for this gift." }, { status: 409 });
  throw redirect(`/donate/test-portal/${params.token}?done=${intent}`, 303);
}

export default function TestPortal() {
  const { portal } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <div className="wrap page">
      <p className="badge badge--test">Test customer portal, not Stripe</p>
      <h1>Monthly gift of {formatCents(portal.amountCents)}</h1>
      <TestModeNotice />
      <Notice when={search.get("done") === "cancel"}>
        Your monthly gift is cancelled. No further payments will be taken.
      </Notice>
      <Notice when={search.get("done") === "next-payment"}>A monthly payment was simulated.</Notice>
      <p>Status: {DONATION_STATUS_LABELS[portal.status]}.</p>
      {!portal.canceled ? (
        <Form method="post" className="toolbar">
          <button className="button" type="submit" name="intent" value="cancel">
            Cancel my monthly gift
          </button>
          <button className="button button--secondary" type="submit" name="intent" value="next-payment">
            Simulate next month’s payment
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
