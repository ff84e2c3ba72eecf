import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { confirmEmailChange } from "~/modules/supporters/me-links.server";

export const meta: MetaFunction = () => [
  { title: "Confirm your address | Bring them home" },
  { name: "robots", content: "noindex" },
];

const MESSAGES = {
  changed: "Your email address is changed. Links sent to your old address no longer work.",
  invalid: "This link has expired, was used already, or is not valid. Ask for a new one from your page.",
  taken:
    "Another supporter record already uses this address, so yours was not changed. Reply to any of our emails and we will merge them.",
} as const;

/** Opening the link is the confirmation (it came to the new address): one use, then it is spent. */
export async function loader({ params }: LoaderFunctionArgs) {
  const outcome = await confirmEmailChange(params.token ?? "");
  return { outcome, message: MESSAGES[outcome] };
}

export default function ConfirmEmail() {
  const { outcome, message } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page prose">
      <h1>{outcome === "changed" ? "Address changed" : "Address not changed"}</h1>
      <p className={outcome === "changed" ? "notice" : "alert"} role="status">
        {message}
      </p>
      <p>
        <Link to="/me">Your supporter page</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
