import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import {
  confirmSignature,
  removePendingSignature,
  viewConfirmation,
} from "~/modules/petitions/petitions.server";
import { requireFormValues } from "~/lib/input.server";

export const meta: MetaFunction = () => [
  { title: "Confirm your signature | Bring them home" },
  { name: "robots", content: "noindex" },
];

/** GET never changes anything: mail scanners follow links. */
export async function loader({ params }: LoaderFunctionArgs) {
  const view = await viewConfirmation(params.token ?? "");
  return data(
    { view },
    {
      status: view.kind === "unknown" ? 404 : 200,
      headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
    },
  );
}

const intentSchema = z.object({ intent: z.enum(["confirm", "remove"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = intentSchema.safeParse(await requireFormValues(request));
  if (!parsed.success)
    return data({ done: null, view: await viewConfirmation(params.token ?? "") }, { status: 400 });
  if (parsed.data.intent === "remove") {
    const { removed, view } = await removePendingSignature(params.token ?? "");
    return { done: removed ? ("removed" as const) : null, view };
  }
  const view = await confirmSignature(params.token ?? "");
  return { done: view.kind === "confirmed" ? ("confirmed" as const) : null, view };
}

export default function ConfirmPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const view = actionData?.view ?? loaded.view;
  const back =
    "slug" in view ? (
      <p>
        <Link to={`/campaigns/${view.slug}`}>Go to the campaign: {view.title}</Link>
      </p>
    ) : null;
  if (actionData?.done === "removed") {
    return (
      <div className="wrap page">
        <h1>Signature removed</h1>
        <p className="notice" role="status">
          We removed the signature and will not email this address about it again. Sorry for the trouble.
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page">
      {view.kind === "unknown" ? (
        <>
          <h1>We do not recognise this link</h1>
          <p className="lead">
            Copy the whole link from the email into the address bar, or sign the petition again.
          </p>
          <p>
            <Link to="/">See the live campaigns</Link>
          </p>
        </>
      ) : view.kind === "confirmed" ? (
        <>
          <h1>Your signature is confirmed</h1>
          <p className="notice" role="status">
            Thank you. Your signature on “{view.title}” counts.
          </p>
          {view.receipt ? (
            <>
              <h2>Your receipt</h2>
              <p>
                Keep this code to check, now or later, that your signature is in the petition’s public log and
                still counted. It says nothing about who you are.
              </p>
              <p>
                <code className="receipt" id="receipt-code">
                  {view.receipt}
                </code>
              </p>
              <p className="small">
                <Link to={`/transparency/petitions/${view.slug}`}>How to check it</Link>
              </p>
            </>
          ) : null}
          {back}
        </>
      ) : view.kind === "expired" || view.kind === "void" ? (
        <>
          <h1>This link no longer works</h1>
          <p className="lead">
            {view.kind === "expired"
              ? "Confirmation links work for 30 days. Sign the petition again to get a new one."
              : "This signature can no longer be confirmed."}
          </p>
          {back}
        </>
      ) : params.get("not-me") ? (
        <>
          <h1>Remove this signature?</h1>
          <p className="lead">
            Someone signed “{view.title}” with your email address. If it was not you, remove it.
          </p>
          <Form method="post" className="toolbar">
            <button className="button" type="submit" name="intent" value="remove">
              It wasn’t me: remove it
            </button>
            <button className="button button--secondary" type="submit" name="intent" value="confirm">
              It was me: confirm it
            </button>
          </Form>
        </>
      ) : (
        <>
          <h1>Confirm your signature</h1>
          <p className="lead">
            {view.firstName}, one click and your signature on “{view.title}” counts.
          </p>
          <Form method="post">
            <button className="button" type="submit" name="intent" value="confirm">
              Confirm my signature
            </button>
          </Form>
          <p className="small muted">
            <Link to="?not-me=1">I did not sign this petition</Link>
          </p>
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
