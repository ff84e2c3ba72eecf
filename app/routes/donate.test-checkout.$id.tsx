import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TestModeNotice } from "~/components/donations/donation-form";
import { FormError, TextField } from "~/components/forms";
import { DEFAULT_LOCALE, isLocale, localizedPath } from "~/i18n/locales";
import { notFound } from "~/lib/http.server";
import { formatCents } from "~/modules/donations/donations";
import { getTestCheckout, payTestCheckout, testPaySchema } from "~/modules/donations/test-mode.server";
import { invalid, requireFormValues } from "~/lib/input.server";

export const meta: MetaFunction = () => [
  { title: "Test checkout | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const checkout = await getTestCheckout(params.id ?? "");
  if (!checkout) notFound("No test checkout has that address.");
  return { checkout };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await requireFormValues(request);
  // Like Stripe's return URLs: back to the giving page's language (?locale=ko, known locales only).
  const asked = new URL(request.url).searchParams.get("locale");
  const back = (path: string) => localizedPath(isLocale(asked) ? asked : DEFAULT_LOCALE, path);
  if (form.intent === "cancel") {
    const checkout = await getTestCheckout(params.id ?? "");
    throw redirect(
      `${back("/donate/cancelled")}${checkout?.campaign ? `?campaign=${checkout.campaign.slug}` : ""}`,
      303,
    );
  }
  const parsed = testPaySchema.safeParse(form);
  if (!parsed.success) return invalid(parsed.error, {});
  const next = await payTestCheckout(params.id ?? "", parsed.data);
  if (!next) notFound("No test checkout has that address.");
  throw redirect(back(next), 303);
}

export default function TestCheckout() {
  const { checkout } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields = actionData?.fields ?? {};
  return (
    <div className="wrap page test-checkout">
      <p className="badge badge--test">Test checkout, not Stripe</p>
      <h1>
        Pay {formatCents(checkout.amountCents)}
        {checkout.frequency === "monthly" ? " every month" : ""}
      </h1>
      <TestModeNotice />
      {checkout.campaign ? <p>For “{checkout.campaign.title}”.</p> : null}
      {checkout.completed ? (
        <p className="notice" role="status">
          This checkout is already paid.
        </p>
      ) : (
        <Form method="post" className="stack">
          <FormError message={Object.keys(fields).length ? "Please check the highlighted fields." : null} />
          <TextField
            name="email"
            type="email"
            label="Email"
            autoComplete="email"
            defaultValue={checkout.email ?? ""}
            error={fields.email}
            required
          />
          <TextField
            name="name"
            label="Name on card"
            autoComplete="name"
            defaultValue={checkout.name}
            error={fields.name}
          />
          <p className="hint">Card details are not asked for in test mode.</p>
          <div className="toolbar">
            <button className="button" type="submit" name="intent" value="pay">
              Pay {formatCents(checkout.amountCents)} (test)
            </button>
            <button
              className="button button--secondary"
              type="submit"
              name="intent"
              value="cancel"
              formNoValidate
            >
              Cancel and go back
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
