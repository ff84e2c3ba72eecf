import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "~/components/admin/account-fields";
import { FormError } from "~/components/forms";
import { newPasswordSchema } from "~/modules/organizers/tokens.schema";
import { isResetTokenUsable, resetPassword } from "~/modules/organizers/tokens.server";
import { invalid, requireFormValues } from "~/lib/input.server";

export const meta: MetaFunction = () => [
  { title: "Choose a new password | Organizers" },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isResetTokenUsable(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = newPasswordSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { message: null });
  const result = await resetPassword(params.token ?? "", parsed.data.password);
  if (!result.ok)
    return data(
      {
        fields: {} as Record<string, string>,
        message: "This link has expired or was already used. Ask for a new one.",
      },
      { status: 410 },
    );
  throw redirect("/admin/login?reset=1");
}

export default function ResetPassword() {
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <div className="wrap page">
      <h1>Choose a new password</h1>
      {!usable ? (
        <>
          <p className="alert" role="alert">
            This link has expired or was already used.
          </p>
          <p>
            <Link to="/admin/forgot">Ask for a new link</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="stack">
          <FormError message={actionData?.message} />
          <p>Choosing a new password signs you out on every other device.</p>
          <NewPasswordFields label="New password" againLabel="The new password again" fields={fields} />
          <div>
            <button className="button" type="submit">
              Save the new password
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
