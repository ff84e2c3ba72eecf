import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { MediaForm } from "~/components/admin/media-form";
import { handleMediaEditor } from "~/modules/media/media-editor.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { BackLink } from "~/components/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "edit-content");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  return handleMediaEditor(request, organizer.id, null);
}

export default function NewMedia() {
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? { kind: "photo" };
  return (
    <>
      <BackLink to="/admin/media">Help-identify media</BackLink>
      <h1>New help-identify item</h1>
      <MediaForm
        key={JSON.stringify(values)}
        values={values}
        fields={actionData?.fields}
        readOnly={false}
        submitLabel="Create item"
        canRemoveImage={false}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
