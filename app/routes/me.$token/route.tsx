import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { invalid, requireFormValues } from "~/lib/input.server";
import { eraseSupporter } from "~/modules/supporters/erasure.server";
import { changeSubscription, updateProfile, withdrawSignature } from "~/modules/supporters/me-actions.server";
import { openMeLink, requestEmailChange } from "~/modules/supporters/me-links.server";
import { meActionSchema } from "~/modules/supporters/me.schema";
import { activeSubscriptions, supporterRecord } from "~/modules/supporters/record.server";
import { MeActivity } from "./activity";
import { MeDetails } from "./details";

export const meta: MetaFunction = () => [
  { title: "Your supporter page | Bring them home" },
  { name: "robots", content: "noindex" },
];

async function supporterOf(token: string | undefined): Promise<number> {
  const id = await openMeLink(token ?? "");
  if (!id)
    throw new Response("This link has expired or is not valid. Ask for a new one at /me.", {
      status: 404,
      statusText: "Not Found",
    });
  return id;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const record = await supporterRecord(await supporterOf(params.token));
  if (!record) throw new Response("This supporter record no longer exists.", { status: 404 });
  return { record, subscriptions: activeSubscriptions(record) };
}

type Result = { done: string | null; message: string | null; fields: Record<string, string> };
const ok = (done: string): Result => ({ done, message: null, fields: {} });
const refused = (message: string, status = 400) =>
  data<Result>({ done: null, message, fields: {} }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const supporterId = await supporterOf(params.token);
  const parsed = meActionSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { done: null, message: null } as Omit<Result, "fields">);
  const input = parsed.data;
  switch (input.intent) {
    case "withdraw":
      return (await withdrawSignature(supporterId, input.signatureId))
        ? ok("Your signature is withdrawn. The petition's count drops by one within a minute.")
        : refused("That signature cannot be withdrawn (it is not yours, or it no longer counts).");
    case "profile": {
      const result = await updateProfile(supporterId, input);
      return result.ok
        ? ok("Your details are saved.")
        : invalid(result.fields, { done: null, message: null });
    }
    case "email": {
      const result = await requestEmailChange(supporterId, input.email);
      return result.ok
        ? ok(`We have sent a link to ${input.email}. Your address changes when you open it.`)
        : refused(result.message);
    }
    case "stop":
      await changeSubscription(supporterId, { kind: "stop", campaignId: input.campaignId ?? null });
      return ok(
        input.campaignId
          ? "You will get no more updates about that campaign."
          : "You will get no more updates.",
      );
    case "subscribe-all":
      await changeSubscription(supporterId, { kind: "subscribe-all" });
      return ok("You will get updates about every campaign.");
    case "erase": {
      const result = await eraseSupporter(supporterId, { by: "supporter" });
      if (!result.ok) return refused(result.message, result.reason === "provider" ? 503 : 404);
      throw redirect("/me/erased");
    }
  }
}

export default function MePage() {
  const { record, subscriptions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fields: Record<string, string> = result?.fields ?? {};
  const { supporter } = record;
  const { token } = useParams();
  return (
    <div className="wrap page">
      <h1>Your supporter page</h1>
      <p className="lead">
        Everything we hold about {supporter.email}. This page is yours: do not forward the link.
      </p>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      <FormError message={result?.message} />
      <MeActivity record={record} />
      <MeDetails supporter={supporter} subscriptions={subscriptions} fields={fields} />
      <section aria-labelledby="me-data">
        <h2 id="me-data">Your data</h2>
        <p>
          <a href={`/me/${token}/download`} download>
            Download everything we hold about you (JSON)
          </a>
        </p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="erase" />
          <p>
            Erasure removes your name, address, email and notes from every record. Your signatures and letters
            still count, without your name; gifts keep only what tax law needs; we never email you again.
          </p>
          <label className="check" htmlFor="confirm-erase">
            <input id="confirm-erase" type="checkbox" name="confirm" value="yes" />
            <span>I want everything about me erased. This cannot be undone.</span>
          </label>
          {fields.confirm ? <p className="field-error">{fields.confirm}</p> : null}
          <div>
            <button className="button" type="submit">
              Erase me
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
