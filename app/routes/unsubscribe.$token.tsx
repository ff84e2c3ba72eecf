import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { unsubscribeChoiceSchema } from "~/modules/mail/mailings.schema";
import {
  applyUnsubscribe,
  parseUnsubscribeToken,
  unsubscribePageData,
} from "~/modules/mail/unsubscribe.server";
import { requireForm } from "~/lib/input.server";
import { Notice } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Unsubscribe | Bring them home" },
  { name: "robots", content: "noindex" },
];

function target(token: string | undefined) {
  const parsed = parseUnsubscribeToken(token ?? "");
  if (!parsed)
    throw new Response(
      "This unsubscribe link is not valid. Copy the whole link from the email, or reply to the email and we will remove you.",
      { status: 400, statusText: "Bad Request" },
    );
  return parsed;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const t = target(params.token);
  const page = await unsubscribePageData(t);
  if (!page)
    throw new Response("This address is no longer on our lists.", { status: 404, statusText: "Not Found" });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = target(params.token);
  const parsed = unsubscribeChoiceSchema.safeParse({
    choice: (await requireForm(request)).get("choice") ?? undefined,
  });
  if (!parsed.success)
    return data({ done: null, message: "Choose what to unsubscribe from." }, { status: 400 });
  const choice = parsed.data.choice === "campaign" && !t.campaignId ? "all" : parsed.data.choice;
  await applyUnsubscribe(t, choice);
  return data({ done: choice, message: null });
}

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done) {
    return (
      <div className="wrap page prose">
        <h1>You are unsubscribed</h1>
        <p className="notice" role="status">
          {result.done === "campaign" && page.campaign
            ? `${page.email} will get no more updates about “${page.campaign.title}”.`
            : `${page.email} will get no more updates from us.`}
        </p>
        <p>
          Receipts and confirmations of things you do on this site still reach you. You can sign up again on
          any campaign page.
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page prose">
      <h1>Unsubscribe</h1>
      <p className="lead">Choose which updates {page.email} should stop receiving.</p>
      <Notice when={!page.subscribedToAnything}>This address is not subscribed to any updates now.</Notice>
      <Form method="post" className="stack">
        <FormError message={result?.message} />
        <fieldset>
          <legend>Stop sending me</legend>
          {page.campaign ? (
            <label className="check" htmlFor="choice-campaign">
              <input id="choice-campaign" type="radio" name="choice" value="campaign" defaultChecked />
              <span>Updates about “{page.campaign.title}” only</span>
            </label>
          ) : null}
          <label className="check" htmlFor="choice-all">
            <input id="choice-all" type="radio" name="choice" value="all" defaultChecked={!page.campaign} />
            <span>All updates from us</span>
          </label>
        </fieldset>
        <div>
          <button className="button" type="submit">
            Unsubscribe
          </button>
        </div>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
