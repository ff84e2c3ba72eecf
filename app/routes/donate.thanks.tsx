import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TestModeNotice } from "~/components/donations/donation-form";
import { formatCents } from "~/modules/donations/donations";
import { getThanks } from "~/modules/donations/donations.server";

export const meta: MetaFunction = () => [
  { title: "Thank you | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const sessionId = new URL(request.url).searchParams.get("session_id") ?? "";
  return { gift: await getThanks(sessionId.slice(0, 200)) };
}

export default function Thanks() {
  const { gift } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>Thank you</h1>
      {gift ? (
        <>
          {gift.testMode ? <TestModeNotice /> : null}
          <p className="lead">
            Your {gift.frequency === "monthly" ? "monthly " : ""}gift of {formatCents(gift.amountCents)}
            {gift.campaign ? ` to “${gift.campaign.title}”` : ""}{" "}
            {gift.status === "pending" ? "is being confirmed by Stripe." : "has been received."}
          </p>
          <p>A receipt is on its way to your email address.</p>
          {gift.campaign ? (
            <p>
              <Link to={`/campaigns/${gift.campaign.slug}`}>Back to the campaign</Link>
            </p>
          ) : (
            <p>
              <Link to="/">See the campaigns</Link>
            </p>
          )}
        </>
      ) : (
        <p className="lead">
          Thank you for your support. <Link to="/">See the campaigns</Link>.
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
