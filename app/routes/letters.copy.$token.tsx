import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { sendLetterCopy, viewLetterCopy } from "~/modules/letters/letter-copy.server";

export const meta: MetaFunction = () => [
  { title: "Your letters | Bring them home" },
  { name: "robots", content: "noindex" },
];

const PRIVATE = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/** GET never changes anything: mail scanners follow links. */
export async function loader({ params }: LoaderFunctionArgs) {
  const view = await viewLetterCopy(params.token ?? "");
  return data({ view, sent: false }, { status: view.kind === "unknown" ? 404 : 200, headers: PRIVATE });
}

/** POST: the address's owner asks for the copy. */
export async function action({ params }: ActionFunctionArgs) {
  const view = await sendLetterCopy(params.token ?? "");
  return data(
    { view, sent: view.sent === true },
    { status: view.kind === "unknown" ? 404 : 200, headers: PRIVATE },
  );
}

export default function LetterCopyPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { view, sent } = actionData ?? loaded;
  return (
    <div className="wrap page">
      {view.kind === "unknown" ? (
        <>
          <h1>We do not recognise this link</h1>
          <p className="lead">Copy the whole link from the email into the address bar.</p>
        </>
      ) : view.kind === "expired" ? (
        <>
          <h1>This link no longer works</h1>
          <p className="lead">Links for a copy of your letters work for 7 days.</p>
        </>
      ) : sent ? (
        <>
          <h1>Your copy is on its way</h1>
          <p className="notice" role="status">
            We are emailing you a copy of your letters about “{view.campaignTitle}”, with the link to deliver
            them.
          </p>
        </>
      ) : (
        <>
          <h1>Get a copy of your letters</h1>
          <p className="lead">
            One click and we email you a copy of your letters about “{view.campaignTitle}”, with the page to
            deliver them.
          </p>
          <Form method="post">
            <button className="button" type="submit">
              Send me my letters
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/">See the live campaigns</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
