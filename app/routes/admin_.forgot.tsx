import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AccountEmailField } from "~/components/admin/account-fields";
import { forgotSchema } from "~/modules/organizers/tokens.schema";
import { requestPasswordReset } from "~/modules/organizers/tokens.server";
import { invalid, requireFormValues } from "~/lib/input.server";

export const meta: MetaFunction = () => [
  { title: "Forgot your password | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function action({ request }: ActionFunctionArgs) {
  const parsed = forgotSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { sent: false });
  // The same answer (and the same work: one job) whether or not the account exists.
  await requestPasswordReset(parsed.data.email);
  return data({ fields: {} as Record<string, string>, sent: true });
}

export default function Forgot() {
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <div className="wrap page">
      <h1>Forgot your password?</h1>
      {actionData?.sent ? (
        <p className="notice" role="status">
          If an organizer account uses that address, we have sent it a link to choose a new password. The link
          works once, for 30 minutes.
        </p>
      ) : (
        <Form method="post" className="stack">
          <p>
            Enter the email address of your organizer account. We will send a link to choose a new password.
          </p>
          <AccountEmailField error={fields.email} />
          <div>
            <button className="button" type="submit">
              Send the link
            </button>
          </div>
        </Form>
      )}
      <p>
        <Link to="/admin/login">Back to sign in</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
