import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms";
import { invalid, requireFormValues } from "~/lib/input.server";
import { ME_LINK_HOURS, requestMeLink } from "~/modules/supporters/me-links.server";
import { meRequestSchema } from "~/modules/supporters/me.schema";

export const meta: MetaFunction = () => [
  { title: "Your supporter page | Bring them home" },
  {
    name: "description",
    content: "See what you signed, wrote and gave; withdraw a signature, change your details, or erase them.",
  },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = meRequestSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { sent: false, message: null as string | null });
  // The same answer (and the same work: one job) whether or not we know the address.
  const result = await requestMeLink(parsed.data.email, context.clientIp);
  if (!result.ok)
    return data(
      {
        sent: false,
        fields: {} as Record<string, string>,
        message: `Too many requests from your connection. Please wait ${Math.ceil(result.retryAfterSeconds / 60)} minutes and try again.`,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  return data({ sent: true, fields: {} as Record<string, string>, message: null as string | null });
}

export default function MeRequest() {
  const result = useActionData<typeof action>();
  const fields: Record<string, string> = result?.fields ?? {};
  return (
    <div className="wrap page prose">
      <h1>Your supporter page</h1>
      {result?.sent ? (
        <p className="notice" role="status">
          If that address is on our records, we have emailed it a link to your page. The link works for{" "}
          {ME_LINK_HOURS} hours.
        </p>
      ) : (
        <>
          <p className="lead">
            Everything you did with us in one place: the petitions you signed, the letters you sent, your
            gifts and your email subscriptions. From there you can withdraw a signature, correct your details,
            download your data or ask us to erase it.
          </p>
          <Form method="post" className="stack">
            <FormError message={result?.message} />
            <TextField
              name="email"
              type="email"
              autoComplete="email"
              label="Your email address"
              hint="We email a link to this address; nobody else can open your page."
              error={fields.email}
              required
            />
            <div>
              <button className="button" type="submit">
                Email me a link
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
