import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CaseForm } from "~/components/admin/case-form";
import { CaseUploads } from "~/components/admin/case-uploads";
import { idParam, notFound } from "~/lib/http.server";
import { formatTimeline } from "~/modules/cases/cases.schema";
import { handleCaseEditor } from "~/modules/cases/case-editor.server";
import { getCaseForEdit } from "~/modules/cases/cases.server";
import { handleCaseUpload } from "~/modules/media/media-editor.server";
import { caseDocuments } from "~/modules/media/media.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { requireForm } from "~/lib/input.server";
import { BackLink, Notice } from "~/components/notice";
import { PublishedLink } from "~/components/admin/published-link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const found = await getCaseForEdit(idParam(params.id, "No case file has that number."));
  if (!found) notFound("No case file has that number.");
  return {
    c: { ...found, timeline: formatTimeline(found.facts) },
    documents: await caseDocuments(found.id),
    canEdit: can(organizer.role, "edit-content"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = idParam(params.id, "No case file has that number.");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    if (!(await getCaseForEdit(id))) notFound("No case file has that number.");
    return handleCaseUpload(request, organizer.id, id);
  }
  return handleCaseEditor(await requireForm(request), organizer.id, id);
}

export default function EditCase() {
  const { c, documents, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const actionData = result && "values" in result ? result : undefined;
  const upload = result && "upload" in result ? result.upload : null;
  const [params] = useSearchParams();
  const values = actionData?.values ?? c;
  return (
    <>
      <BackLink to="/admin/cases">Case files</BackLink>
      <h1>{c.fullName}</h1>
      <PublishedLink href={c.published ? `/cases/${c.slug}` : null}>View public page</PublishedLink>
      <p>
        <a href={`/admin/translations/case/${c.id}/ko`}>Translations (Korean, Russian, Chinese)</a>
      </p>
      <Notice when={params.get("saved")}>Saved.</Notice>
      {!canEdit ? <p className="warning">Your role can read case files but not change them.</p> : null}
      <CaseForm
        key={JSON.stringify(values)}
        values={values}
        fields={actionData?.fields}
        preview={actionData?.preview}
        readOnly={!canEdit}
        submitLabel="Save changes"
      />
      <CaseUploads documents={documents} result={upload} readOnly={!canEdit} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
