import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms";
import { fieldErrors, formToObject } from "~/lib/validation";
import { loginSchema } from "~/modules/organizers/organizers.schema";
import { authenticate } from "~/modules/organizers/organizers.server";
import { createSessionCookie, destroySessionCookie, getOrganizer, safeRedirect } from "~/modules/organizers/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in | Organizers" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOrganizer(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = loginSchema.safeParse(formToObject(await request.formData()));
  if (!parsed.success) return data({ fields: fieldErrors(parsed.error), message: null }, { status: 400 });
  const result = await authenticate(parsed.data.email, parsed.data.password, context.clientIp);
  if (!result.ok) {
    const message = result.reason === "throttled" ? "Too many attempts. Wait 15 minutes and try again." : "The email or password is not right.";
    return data({ fields: {}, message }, { status: result.reason === "throttled" ? 429 : 401 });
  }
  // Rotate: any session the browser already had ends, and a new token is issued.
  const ended = await destroySessionCookie(request);
  const cookie = await createSessionCookie(result.organizerId, request.headers.get("user-agent"));
  const headers = new Headers();
  headers.append("Set-Cookie", ended);
  headers.append("Set-Cookie", cookie);
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <div className="wrap page">
      <h1>Organizer sign in</h1>
      {params.get("reset") ? <p className="notice" role="status">Your password was changed and every other session ended. Sign in with the new password.</p> : null}
      <Form method="post" className="stack">
        <FormError message={actionData?.message} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
        <TextField name="email" type="email" label="Email" autoComplete="username" required error={fields.email} />
        <TextField name="password" type="password" label="Password" autoComplete="current-password" required error={fields.password} />
        <div>
          <button className="button" type="submit">Sign in</button>
        </div>
      </Form>
      <p><Link to="/admin/forgot">Forgot your password?</Link></p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
