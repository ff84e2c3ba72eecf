import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "Gift not completed | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const campaign = new URL(request.url).searchParams.get("campaign") ?? "";
  return { campaign: /^[a-z0-9-]{1,80}$/.test(campaign) ? campaign : null };
}

export default function Cancelled() {
  const { campaign } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>Your gift was not completed</h1>
      <p className="lead">Nothing was charged. You can try again whenever you like.</p>
      <p>
        <Link className="button" to={campaign ? `/campaigns/${campaign}/donate` : "/donate"}>
          Back to the giving form
        </Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
