import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { bindFields, FormError, TextArea, TextField } from "~/components/forms";
import { LetterPreview } from "~/components/letters/letter-preview";
import { idParam, notFound } from "~/lib/http.server";
import { MERGE_FIELDS } from "~/modules/letters/letters";
import { templateFormSchema } from "~/modules/letters/letters.schema";
import { getTemplateEditor, previewTemplate, saveTemplate } from "~/modules/letters/letters-admin.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireForm } from "~/lib/input.server";
import { DateTime } from "~/components/date-time";
import { Notice } from "~/components/notice";
import { EditorActions } from "~/components/admin/markdown-preview";

async function loadEditor(raw: string | undefined) {
  const editor = await getTemplateEditor(idParam(raw, "No campaign has that number."));
  if (!editor) notFound("No campaign has that number.");
  return editor;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const editor = await loadEditor(params.campaignId);
  return { ...editor, canEdit: can(organizer.role, "edit-content"), fields: Object.entries(MERGE_FIELDS) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const editor = await loadEditor(params.campaignId);
  const form = await requireForm(request);
  const values = {
    target: String(form.get("target") ?? ""),
    subject: String(form.get("subject") ?? ""),
    bodyMd: String(form.get("bodyMd") ?? ""),
  };
  const parsed = templateFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { target: values.target, values, preview: null });
  const target = editor.targets.find((t) => t.target === parsed.data.target);
  if (!target)
    return invalid(
      { target: "This campaign does not write to that target." },
      { target: values.target, values, preview: null },
    );
  if (form.get("intent") === "preview")
    return { target: values.target, values, fields: {}, preview: previewTemplate(target, parsed.data) };
  const result = await saveTemplate(organizer.id, editor.campaign.id, editor.targets, parsed.data);
  if (!result.ok) return invalid(result.fields, { target: values.target, values, preview: null });
  throw redirect(`/admin/letters/${editor.campaign.id}/templates?saved=${encodeURIComponent(values.target)}`);
}

export default function LetterTemplates() {
  const { campaign, targets, canEdit, fields } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const wanted = actionData?.target ?? params.get("target") ?? params.get("saved");
  const current = targets.find((t) => t.target === wanted) ?? targets[0];
  const mine = actionData && current && actionData.target === current.target ? actionData : null;
  const v = mine?.values ?? {
    subject: current?.template?.subject ?? "",
    bodyMd: current?.template?.bodyMd ?? "",
  };
  const errors: Record<string, string> = mine?.fields ?? {};
  const f = bindFields(v, errors);
  return (
    <>
      <p>
        <Link to={`/admin/letters?campaign=${campaign.id}`}>← Letters</Link>
      </p>
      <h1>Letter templates: {campaign.title}</h1>
      <Notice when={params.get("saved")}>Template saved.</Notice>
      {!canEdit ? <p className="warning">Your role can read templates but not change them.</p> : null}
      <details className="panel">
        <summary>Merge fields</summary>
        <dl className="facts small">
          {fields.map(([f, d]) => (
            <div key={f} className="facts__row">
              <dt>
                <code>{`{{${f}}}`}</code>
              </dt>
              <dd>{d}</dd>
            </div>
          ))}
        </dl>
        <p className="small muted">
          The salutation (“Dear Senator Sanders”, “Dear Delegate Norton”, “Dear Mr. President”), the
          supporter's own paragraph and the signature are added to every letter; write only the body.
        </p>
      </details>
      {targets.length === 0 ? (
        <p className="warning">This campaign has no targets. Add them on the campaign's page.</p>
      ) : null}
      {targets.length ? (
        <nav aria-label="Targets" className="toolbar">
          {targets.map((t) => (
            <Link
              key={t.target}
              to={`?target=${encodeURIComponent(t.target)}`}
              aria-current={t.target === current?.target ? "page" : undefined}
              className={`button button--small ${t.target === current?.target ? "" : "button--secondary"}`}
            >
              {t.label}
              {t.template ? "" : " (missing)"}
            </Link>
          ))}
        </nav>
      ) : null}
      {current ? (
        <section aria-labelledby="editor-heading" className="template-editor">
          <h2 id="editor-heading">{current.label}</h2>
          {!current.template ? (
            <p className="warning">No template yet: supporters will not write to this target.</p>
          ) : (
            <p className="muted small">Last saved {<DateTime value={current.template.updatedAt} />}</p>
          )}
          <div className="two-col">
            <Form method="post" className="stack" key={JSON.stringify(v)}>
              <FormError message={errors.target} />
              <input type="hidden" name="target" value={current.target} />
              <fieldset disabled={!canEdit} className="stack">
                <TextField {...f("subject")} label="Subject" maxLength={200} />
                <TextArea {...f("bodyMd")} className="tall" label="Letter body (Markdown)" />
                <EditorActions submitLabel="Save template" />
              </fieldset>
            </Form>
            <div>
              {mine?.preview ? (
                <LetterPreview {...mine.preview} headingLevel={3} />
              ) : (
                <p className="muted">
                  Press Preview to see the letter a supporter in Burlington, VT would send.
                </p>
              )}
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
