import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { NewPasswordFields, PasswordField } from "~/components/admin/account-fields";
import { changePasswordSchema } from "~/modules/organizers/organizers.schema";
import { changePassword } from "~/modules/organizers/organizers.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { Notice } from "~/components/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireOrganizer(request);
  return { me: { name: me.name, email: me.email, role: me.role } };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireOrganizer(request);
  const parsed = changePasswordSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { message: null, done: false });
  const ok = await changePassword(me.id, me.sessionId, parsed.data.current, parsed.data.next);
  if (!ok) return invalid({ current: "That is not your current password." }, { message: null, done: false });
  return data({ fields: {}, message: null, done: true });
}

export default function Account() {
  const { me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <>
      <h1>My account</h1>
      <p>
        {me.name} · {me.email} · {me.role}
      </p>
      <h2>Change password</h2>
      <Notice when={actionData?.done}>Password changed. Your other sessions have been signed out.</Notice>
      <FormError message={actionData?.message} />
      <Form method="post" className="stack">
        <PasswordField name="current" label="Current password" isNew={false} error={fields.current} />
        <NewPasswordFields name="next" label="New password" againLabel="New password again" fields={fields} />
        <div>
          <button className="button" type="submit">
            Change password
          </button>
        </div>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
