import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "~/components/admin/account-fields";
import { FormError, TextField } from "~/components/forms";
import { createSessionCookie, destroySessionCookie } from "~/modules/organizers/session.server";
import { acceptInvitationSchema } from "~/modules/organizers/tokens.schema";
import { acceptInvitation, findInvitation } from "~/modules/organizers/tokens.server";
import { invalid, requireFormValues } from "~/lib/input.server";

export const meta: MetaFunction = () => [
  { title: "Accept your invitation | Organizers" },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  return {
    invitation: invitation
      ? { email: invitation.email, name: invitation.name ?? "", role: invitation.role }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = acceptInvitationSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { message: null });
  const result = await acceptInvitation(params.token ?? "", parsed.data);
  if (!result.ok) {
    const message =
      result.reason === "email_taken"
        ? "An organizer account already uses this address: sign in instead."
        : "This invitation has expired or was already used. Ask the owner for a new one.";
    return data({ fields: {} as Record<string, string>, message }, { status: 410 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await destroySessionCookie(request));
  headers.append(
    "Set-Cookie",
    await createSessionCookie(result.organizerId, request.headers.get("user-agent")),
  );
  throw redirect("/admin?welcome=1", { headers });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  if (!invitation) {
    return (
      <div className="wrap page">
        <h1>Invitation</h1>
        <p className="alert" role="alert">
          This invitation has expired or was already used. Ask the owner who invited you for a new one.
        </p>
        <p>
          <Link to="/admin/login">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page">
      <h1>Join as an organizer</h1>
      <p>
        You were invited as <strong>{invitation.role}</strong> with the address {invitation.email}. Choose a
        password to finish.
      </p>
      <Form method="post" className="stack">
        <FormError message={actionData?.message} />
        <TextField
          name="name"
          label="Your name"
          autoComplete="name"
          required
          defaultValue={invitation.name}
          error={fields.name}
        />
        <NewPasswordFields label="Password" againLabel="The password again" fields={fields} />
        <div>
          <button className="button" type="submit">
            Create my account
          </button>
        </div>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
