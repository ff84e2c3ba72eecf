import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { AccountEmailField, PasswordField } from "~/components/admin/account-fields";
import { FormError } from "~/components/forms";
import { loginSchema } from "~/modules/organizers/organizers.schema";
import { getOrganizer } from "~/modules/organizers/session.server";
import { safeRedirect } from "~/modules/security/safe-redirect";
import { signIn } from "~/modules/organizers/sign-in.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { Notice } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Sign in | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOrganizer(request))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = loginSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { message: null });
  const result = await signIn(request, parsed.data, context.clientIp);
  if (!result.ok) return data({ fields: {}, message: result.message }, { status: result.status });
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers: result.headers });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <div className="wrap page">
      <h1>Organizer sign in</h1>
      <Notice when={params.get("reset")}>
        Your password was changed and every other session ended. Sign in with the new password.
      </Notice>
      <Form method="post" className="stack">
        <FormError message={actionData?.message} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
        <AccountEmailField error={fields.email} />
        <PasswordField name="password" label="Password" isNew={false} error={fields.password} />
        <div>
          <button className="button" type="submit">
            Sign in
          </button>
        </div>
      </Form>
      <p>
        <Link to="/admin/forgot">Forgot your password?</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
