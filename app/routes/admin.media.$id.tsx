import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { MediaForm } from "~/components/admin/media-form";
import { idParam, notFound } from "~/lib/http.server";
import { handleMediaEditor } from "~/modules/media/media-editor.server";
import { getMediaForEdit } from "~/modules/media/media.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { BackLink, Notice } from "~/components/notice";
import { PublishedLink } from "~/components/admin/published-link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const item = await getMediaForEdit(idParam(params.id, "No item has that number."));
  if (!item) notFound("No item has that number.");
  return { item, canEdit: can(organizer.role, "edit-content") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  return handleMediaEditor(request, organizer.id, idParam(params.id, "No item has that number."));
}

export default function EditMedia() {
  const { item, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = { ...item, caseSlug: item.caseSlug ?? "" };
  const values = actionData?.values ? { ...actionData.values, imageKey: item.imageKey } : saved;
  return (
    <>
      <BackLink to="/admin/media">Help-identify media</BackLink>
      <h1>{item.title}</h1>
      <PublishedLink href={item.published ? `/cases/help-identify#${item.slug}` : null}>
        View on the public page
      </PublishedLink>
      <p>
        <a href={`/admin/translations/media/${item.id}/ko`}>Translations (Korean, Russian, Chinese)</a>
      </p>
      <Notice when={params.get("saved")}>Saved.</Notice>
      {!canEdit ? <p className="warning">Your role can read these items but not change them.</p> : null}
      <MediaForm
        key={JSON.stringify(values)}
        values={values}
        fields={actionData?.fields}
        readOnly={!canEdit}
        submitLabel="Save changes"
        canRemoveImage={canEdit}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
