import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { REFERENCE_PATTERN } from "~/modules/tips/tips";

export const meta: MetaFunction = () => [
  { title: "Tip received | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const ref = new URL(request.url).searchParams.get("ref") ?? "";
  return { reference: REFERENCE_PATTERN.test(ref) ? ref : null };
}

export default function TipSent() {
  const { reference } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>Thank you. We received your tip.</h1>
      {reference ? (
        <div className="notice" role="status">
          <p>Your reference:</p>
          <p className="tip-reference">{reference}</p>
          <p className="small">
            Write it down, or keep the receipt email if you gave an address. Quote it if you contact us again
            about the same matter.
          </p>
        </div>
      ) : (
        <p className="notice" role="status">
          Your tip has been received.
        </p>
      )}
      <p>
        Organizers read every tip. They keep it private, and may pass a credible tip to the agency responsible
        for accounting for missing servicemen.
      </p>
      <ul className="link-list">
        <li>
          <Link to="/cases">Back to the case files</Link>
        </li>
        <li>
          <Link to="/cases/help-identify">Help identify men in wartime photos and film</Link>
        </li>
        <li>
          <Link to="/tips/new">Send another tip</Link>
        </li>
      </ul>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
