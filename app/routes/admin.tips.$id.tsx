import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TipStatusBadge } from "~/components/admin/tip-badge";
import { NeedsTranslationBadge, TipLanguage, TipTranslationForm } from "~/components/admin/tip-language";
import { FormError, SelectField, TextArea, TextField } from "~/components/forms";
import { idParam, notFound } from "~/lib/http.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { formatBytes } from "~/modules/uploads/uploads";
import { FORWARD_SUGGESTIONS, TIP_STATUS_LABELS, TIP_STATUSES } from "~/modules/tips/tips";
import { tipNoteSchema, tipTranslationSchema, tipTriageSchema } from "~/modules/tips/tips.schema";
import { addTipNote, markTipTranslation, openTip, triageTip } from "~/modules/tips/tips.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { DateTime } from "~/components/date-time";
import { BackLink, Notice } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Tip | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const opened = await openTip(idParam(params.id, "No tip has that number."), organizer);
  if (!opened) notFound("No tip has that number.");
  return { ...opened, canEdit: can(organizer.role, "edit-content") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = idParam(params.id, "No tip has that number.");
  const form = await requireFormValues(request);
  if (form.intent === "note") {
    const parsed = tipNoteSchema.safeParse(form);
    if (!parsed.success) return invalid(parsed.error, { intent: "note" });
    await addTipNote(organizer.id, id, parsed.data.note);
    throw redirect(`/admin/tips/${id}?saved=note`);
  }
  if (form.intent === "translation") {
    const parsed = tipTranslationSchema.safeParse(form);
    if (!parsed.success) return invalid(parsed.error, { intent: "translation" });
    await markTipTranslation(organizer.id, id, parsed.data.needed);
    throw redirect(`/admin/tips/${id}?saved=translation`);
  }
  const parsed = tipTriageSchema.safeParse(form);
  if (!parsed.success) return invalid(parsed.error, { intent: "triage" });
  const result = await triageTip(organizer.id, id, parsed.data);
  if (!result.ok) return invalid(result.fields, { intent: "triage" });
  throw redirect(`/admin/tips/${id}?saved=triage`);
}

export default function TipDetail() {
  const { tip, contact, anonymous, attachments, notes, organizers, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const triageErrors = result?.intent === "triage" ? result.fields : {};
  const noteErrors = result?.intent === "note" ? result.fields : {};
  return (
    <>
      <BackLink to="/admin/tips">Tips</BackLink>
      <h1>
        {tip.reference} <TipStatusBadge status={tip.status} />{" "}
        <NeedsTranslationBadge when={tip.needsTranslation} />
      </h1>
      <p className="muted small">
        Received {<DateTime value={tip.createdAt} full />}
        {" · "}Written in <TipLanguage language={tip.language} />
        {" · "}About:{" "}
        {tip.caseSlug ? (
          <Link to={`/cases/${tip.caseSlug}`}>{tip.caseName}</Link>
        ) : tip.mediaTitle ? (
          <>
            help-identify item <Link to={`/admin/media/${tip.mediaId}`}>{tip.mediaTitle}</Link>
          </>
        ) : (
          "general"
        )}
      </p>
      <Notice when={params.get("saved")}>Saved.</Notice>
      <div className="two-col">
        <div>
          <h2>What the tipster wrote</h2>
          <div className="tip-text" lang={tip.language === "en" ? "" : tip.language}>
            {tip.body}
          </div>
          <TipTranslationForm needed={tip.needsTranslation} canEdit={canEdit} />
          <h2>Attachments ({attachments.length})</h2>
          {attachments.length ? (
            <ul className="tip-files">
              {attachments.map((a) => (
                <li key={a.id}>
                  {a.contentType.startsWith("image/") ? (
                    <a href={`/admin/tips/${tip.id}/files/${a.id}`}>
                      <img
                        src={`/admin/tips/${tip.id}/files/${a.id}`}
                        alt={`Attachment ${a.filename}`}
                        loading="lazy"
                      />
                    </a>
                  ) : null}
                  <a
                    href={`/admin/tips/${tip.id}/files/${a.id}`}
                    download={a.contentType === "application/pdf" ? a.filename : undefined}
                  >
                    {a.filename}
                  </a>{" "}
                  <span className="small muted">
                    (
                    {a.contentType === "application/pdf"
                      ? "PDF, downloads; never opened in the browser"
                      : a.contentType}
                    , {formatBytes(a.bytes)})
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
          <h2>Private notes</h2>
          {notes.length ? (
            <ol className="tip-notes">
              {notes.map((n) => (
                <li key={n.id}>
                  <div className="small muted">
                    {n.authorName ?? "Former organizer"} · {<DateTime value={n.createdAt} />}
                  </div>
                  <div className="tip-text">{n.body}</div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">No notes yet.</p>
          )}
          {canEdit ? (
            <Form method="post" className="stack" key={notes.length}>
              <input type="hidden" name="intent" value="note" />
              <TextArea
                name="note"
                label="Add a note (organizers only)"
                error={noteErrors.note}
                maxLength={5000}
                required
              />
              <div>
                <button className="button button--secondary" type="submit">
                  Add note
                </button>
              </div>
            </Form>
          ) : null}
        </div>
        <div>
          <section className="panel" aria-labelledby="contact-heading">
            <h2 id="contact-heading">Tipster</h2>
            {contact ? (
              anonymous ? (
                <p>Anonymous: no contact details given.</p>
              ) : (
                <dl className="facts">
                  <div className="facts__row">
                    <dt>Name</dt>
                    <dd>{contact.name ?? "—"}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>Email</dt>
                    <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : "—"}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>Phone</dt>
                    <dd>{contact.phone ?? "—"}</dd>
                  </div>
                </dl>
              )
            ) : (
              <p>Contact details are hidden for your role.</p>
            )}
          </section>
          <h2>Triage</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="triage" />
            <FormError
              message={
                triageErrors._form ??
                (Object.keys(triageErrors).length ? "Please correct the fields marked below." : null)
              }
            />
            <fieldset disabled={!canEdit} className="stack plain">
              <SelectField name="status" label="State" defaultValue={tip.status} error={triageErrors.status}>
                {TIP_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {TIP_STATUS_LABELS[s]}
                  </option>
                ))}
              </SelectField>
              <TextField
                name="forwardedTo"
                label="Forwarded to"
                hint="When the state is Forwarded: the agency"
                list="forward-suggestions"
                defaultValue={tip.forwardedTo ?? ""}
                error={triageErrors.forwardedTo}
              />
              <datalist id="forward-suggestions">
                {FORWARD_SUGGESTIONS.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
              <TextField
                name="forwardedOn"
                label="Forwarded on"
                type="date"
                defaultValue={tip.forwardedOn ?? ""}
                error={triageErrors.forwardedOn}
              />
              <SelectField
                name="assignedTo"
                label="Assigned to"
                defaultValue={tip.assignedTo ? String(tip.assignedTo) : ""}
                error={triageErrors.assignedTo}
              >
                <option value="">Nobody</option>
                {organizers.map((o) => (
                  <option key={o.id} value={String(o.id)}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                name="caseSlug"
                label="Linked case (slug)"
                hint="e.g. richard-desautels; empty for none"
                defaultValue={tip.caseSlug ?? ""}
                error={triageErrors.caseSlug}
              />
              <div>
                <button className="button" type="submit">
                  Save triage
                </button>
              </div>
            </fieldset>
            {!canEdit ? <p className="muted small">Your role can read tips but not change them.</p> : null}
          </Form>
        </div>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
