import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CaseForm } from "~/components/admin/case-form";
import { handleCaseEditor } from "~/modules/cases/case-editor.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { requireForm } from "~/lib/input.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "edit-content");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  return handleCaseEditor(await requireForm(request), organizer.id, null);
}

export default function NewCase() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>New case file</h1>
      <CaseForm
        key={JSON.stringify(actionData?.values ?? {})}
        values={actionData?.values ?? {}}
        fields={actionData?.fields}
        preview={actionData?.preview}
        readOnly={false}
        submitLabel="Create case file"
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
