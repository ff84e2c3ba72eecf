import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MailingForm } from "~/components/admin/mailing-form";
import { mailingFormSchema, mailingFormValues } from "~/modules/mail/mailings.schema";
import { composeOptions, createMailing } from "~/modules/mail/mailings.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireForm } from "~/lib/input.server";
import { BackLink } from "~/components/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "edit-content");
  return composeOptions();
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const values = mailingFormValues(await requireForm(request));
  const parsed = mailingFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values });
  const result = await createMailing(organizer.id, parsed.data);
  if (!result.ok) return invalid(result.fields, { values });
  throw redirect(`/admin/updates/${result.id}?created=1`);
}

export default function NewUpdate() {
  const { audiences, campaigns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/admin/updates">Updates</BackLink>
      <h1>New update</h1>
      <p className="muted">
        Updates start as drafts: preview it and send a test to yourself before sending or scheduling.
      </p>
      <MailingForm
        values={actionData?.values ?? {}}
        fields={actionData?.fields}
        audiences={audiences}
        campaigns={campaigns}
        submitLabel="Save draft and preview"
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
