import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { MailingForm } from "~/components/admin/mailing-form";
import { FormError } from "~/components/forms";
import { Progress } from "~/components/progress";
import { idParam, notFound } from "~/lib/http.server";
import { isEditable, MAILING_STATUS_LABELS, rate } from "~/modules/mail/mailings";
import { mailingFormSchema, mailingFormValues, scheduleSchema } from "~/modules/mail/mailings.schema";
import {
  audienceSize,
  composeOptions,
  getMailing,
  getMailingProgress,
  previewMailing,
  scheduleMailing,
  sendTestMailing,
  unscheduleMailing,
  updateMailing,
} from "~/modules/mail/mailings.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireForm } from "~/lib/input.server";
import { DateTime } from "~/components/date-time";
import { BackLink, Notice } from "~/components/notice";

const mailingId = (raw: string | undefined) => idParam(raw, "No update has that number.");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const mailing = await getMailing(mailingId(params.id));
  if (!mailing) notFound("No update has that number.");
  const editable = isEditable(mailing.status);
  const [options, progress, preview, size] = await Promise.all([
    composeOptions(),
    editable ? null : getMailingProgress(mailing.id),
    editable ? previewMailing(mailing) : null,
    editable ? audienceSize(mailing.audience, mailing.campaignId, mailing) : null,
  ]);
  const due =
    mailing.status === "scheduled" &&
    mailing.scheduledAt !== null &&
    new Date(mailing.scheduledAt).getTime() <= Date.now();
  return {
    mailing,
    ...options,
    progress,
    preview,
    size,
    canEdit: can(organizer.role, "edit-content"),
    refresh: mailing.status === "sending" || due,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.mailing.subject ?? "Update"} | Updates` },
  // Live progress without JavaScript: the page reloads itself every two seconds while sending.
  ...(d?.refresh ? [{ httpEquiv: "refresh", content: "2" } as const] : []),
];

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = mailingId(params.id);
  const form = await requireForm(request);
  const intent = String(form.get("intent") ?? "");
  const none = {
    fields: {} as Record<string, string>,
    values: null as ReturnType<typeof mailingFormValues> | null,
    message: null as string | null,
  };
  if (intent === "save") {
    const values = mailingFormValues(form);
    const parsed = mailingFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, { ...none, values });
    const result = await updateMailing(organizer.id, id, parsed.data);
    if (!result.ok) return invalid(result.fields, { ...none, values });
    throw redirect(`/admin/updates/${id}?saved=1`);
  }
  if (intent === "test") {
    if (!(await sendTestMailing(organizer, id))) notFound("No update has that number.");
    throw redirect(`/admin/updates/${id}?tested=1`);
  }
  if (intent === "send-now" || intent === "schedule") {
    let at = new Date();
    if (intent === "schedule") {
      const parsed = scheduleSchema.safeParse({ scheduledAt: form.get("scheduledAt") ?? undefined });
      if (!parsed.success) return invalid(parsed.error, { ...none });
      at = parsed.data.scheduledAt;
    }
    if (!(await scheduleMailing(organizer.id, id, at)))
      return data({ ...none, message: "This update is already being sent." }, { status: 409 });
    throw redirect(`/admin/updates/${id}`);
  }
  if (intent === "unschedule") {
    await unscheduleMailing(organizer.id, id);
    throw redirect(`/admin/updates/${id}`);
  }
  return data({ ...none, message: "Unknown action." }, { status: 400 });
}

export default function UpdatePage() {
  const { mailing, audiences, campaigns, progress, preview, size, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const fields: Record<string, string> = actionData?.fields ?? {};
  const editable = isEditable(mailing.status);
  return (
    <>
      <BackLink to="/admin/updates">Updates</BackLink>
      <h1>{mailing.subject}</h1>
      <p className="toolbar">
        <span className={`badge badge--mailing-${mailing.status}`}>
          {MAILING_STATUS_LABELS[mailing.status]}
        </span>
        {mailing.campaignTitle ? <span>About: {mailing.campaignTitle}</span> : null}
        <span>To: {audiences.find((a) => a.key === mailing.audience)?.label ?? mailing.audience}</span>
      </p>
      <Notice when={params.get("created")}>
        Draft saved. Check the preview below, send yourself a test, then send it.
      </Notice>
      <Notice when={params.get("saved")}>Saved.</Notice>
      <Notice when={params.get("tested")}>
        A test is on its way to your address (see the Outbox without a Resend key).
      </Notice>
      <FormError message={actionData?.message} />

      {progress ? <MailingProgressView progress={progress} status={mailing.status} /> : null}

      {mailing.status === "scheduled" && mailing.scheduledAt ? (
        <div className="notice" role="status">
          Scheduled for {<DateTime value={mailing.scheduledAt} />}.
          {canEdit ? (
            <Form method="post" className="inline-form">
              {" "}
              <button
                className="button button--small button--secondary"
                type="submit"
                name="intent"
                value="unschedule"
              >
                Cancel the schedule
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {editable && canEdit ? (
        <section aria-labelledby="send-heading" className="mailing-send">
          <h2 id="send-heading">Send</h2>
          <p>
            {size === null
              ? "Choose a campaign for this audience."
              : `${size.toLocaleString("en-US")} supporters would receive it now.`}
          </p>
          <div className="toolbar">
            <Form method="post" className="inline-form">
              <button className="button button--secondary" type="submit" name="intent" value="test">
                Send a test to me
              </button>
            </Form>
            <Form method="post" className="inline-form">
              <button className="button" type="submit" name="intent" value="send-now">
                Send now
              </button>
            </Form>
          </div>
          <Form method="post" className="toolbar">
            <input type="hidden" name="intent" value="schedule" />
            <label htmlFor="scheduledAt">Send at (UTC)</label>
            <input
              id="scheduledAt"
              name="scheduledAt"
              type="datetime-local"
              required
              aria-invalid={fields.scheduledAt ? true : undefined}
              aria-describedby={fields.scheduledAt ? "scheduledAt-error" : undefined}
            />
            <button className="button button--secondary" type="submit">
              Schedule
            </button>
            {fields.scheduledAt ? (
              <p id="scheduledAt-error" className="field-error">
                {fields.scheduledAt}
              </p>
            ) : null}
          </Form>
        </section>
      ) : null}

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <iframe
            title="Preview of the update as HTML"
            sandbox=""
            srcDoc={preview.html}
            className="email-frame"
          />
          <details>
            <summary>Plain-text version</summary>
            <pre className="email-text">{preview.text}</pre>
          </details>
        </section>
      ) : null}

      {editable ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          <MailingForm
            values={actionData?.values ?? mailing}
            fields={fields}
            audiences={audiences}
            campaigns={campaigns}
            submitLabel="Save and preview"
            readOnly={!canEdit}
          />
        </section>
      ) : (
        <section aria-labelledby="body-heading">
          <h2 id="body-heading">What was sent</h2>
          <pre className="email-text">{mailing.bodyMd}</pre>
        </section>
      )}
    </>
  );
}

function MailingProgressView({
  progress,
  status,
}: {
  progress: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["progress"]>;
  status: string;
}) {
  const handled = progress.sent + progress.skipped;
  return (
    <section aria-labelledby="progress-heading" className="mailing-progress">
      <h2 id="progress-heading">{status === "sent" ? "Results" : "Sending"}</h2>
      {status === "sending" && progress.total === 0 ? (
        <p role="status">Preparing the recipient list…</p>
      ) : null}
      <Progress value={handled} goal={Math.max(progress.total, handled)} label="Recipients handled" />
      {status === "sending" ? (
        <p className="muted small">This page refreshes every two seconds until the update is sent.</p>
      ) : null}
      <table className="data mailing-figures">
        <caption className="visually-hidden">Figures for this update</caption>
        <tbody>
          <tr>
            <th scope="row">Sent</th>
            <td className="num">
              {progress.sent.toLocaleString("en-US")} of {progress.total.toLocaleString("en-US")}
            </td>
            <td />
          </tr>
          <tr>
            <th scope="row">Skipped at send time (unsubscribed or suppressed)</th>
            <td className="num">{progress.skipped.toLocaleString("en-US")}</td>
            <td />
          </tr>
          <tr>
            <th scope="row">Delivered</th>
            <td className="num">{progress.delivered.toLocaleString("en-US")}</td>
            <td className="num">{rate(progress.delivered, progress.sent)}</td>
          </tr>
          <tr>
            <th scope="row">Opened</th>
            <td className="num">{progress.opened.toLocaleString("en-US")}</td>
            <td className="num">{rate(progress.opened, progress.delivered)}</td>
          </tr>
          <tr>
            <th scope="row">Bounced</th>
            <td className="num">{progress.bounced.toLocaleString("en-US")}</td>
            <td className="num">{rate(progress.bounced, progress.sent)}</td>
          </tr>
          <tr>
            <th scope="row">Complained</th>
            <td className="num">{progress.complained.toLocaleString("en-US")}</td>
            <td className="num">{rate(progress.complained, progress.sent)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
