import { Form } from "@remix-run/react";
import { FormError, SelectField, TextArea, TextField } from "~/components/forms";

export interface MailingFormValues {
  subject?: string;
  bodyMd?: string;
  audience?: string;
  campaignId?: number | string | null;
  scope?: string;
  scopeState?: string | null;
  scopeOffice?: string | null;
}

/** Compose or edit a campaign update (markdown), choosing its audience. */
export function MailingForm({
  values,
  fields = {},
  message,
  audiences,
  campaigns,
  submitLabel,
  readOnly,
}: {
  values: MailingFormValues;
  fields?: Record<string, string>;
  message?: string | null;
  audiences: Array<{ key: string; label: string; needsCampaign: boolean }>;
  campaigns: Array<{ id: number; title: string }>;
  submitLabel: string;
  readOnly?: boolean;
}) {
  return (
    <Form method="post" className="stack mailing-form">
      <FormError message={message ?? fields._form} />
      <input type="hidden" name="intent" value="save" />
      <TextField
        name="subject"
        label="Subject"
        required
        maxLength={150}
        defaultValue={values.subject ?? ""}
        error={fields.subject}
        disabled={readOnly}
      />
      <SelectField
        name="audience"
        label="Who receives it"
        defaultValue={values.audience ?? "campaign-subscribers"}
        error={fields.audience}
        disabled={readOnly}
        hint="Only confirmed supporters who opted in and are not suppressed receive updates; this is checked again as each batch is sent."
      >
        {audiences.map((a) => (
          <option key={a.key} value={a.key}>
            {a.label}
            {a.needsCampaign ? " (choose the campaign)" : ""}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="campaignId"
        label="Campaign"
        defaultValue={values.campaignId ? String(values.campaignId) : ""}
        error={fields.campaignId}
        disabled={readOnly}
        hint="The campaign the update is about; required for campaign audiences."
      >
        <option value="">No campaign (general update)</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <TextField
        name="scope"
        label="Only people in (optional)"
        maxLength={10}
        defaultValue={values.scope ?? values.scopeOffice ?? values.scopeState ?? ""}
        error={fields.scope}
        disabled={readOnly}
        hint="A state (VT), or a seat by its office code: SVT01 for a senator's seat, HCA12 or HVT00 for a House seat (everyone who wrote to that member)."
      />
      <TextArea
        name="bodyMd"
        label="Update (markdown)"
        rows={14}
        required
        defaultValue={values.bodyMd ?? ""}
        error={fields.bodyMd}
        disabled={readOnly}
        hint="Headings with ##, **bold**, [links](https://...), lists with -. Scripts and images are removed."
      />
      {readOnly ? null : (
        <div>
          <button className="button" type="submit">
            {submitLabel}
          </button>
        </div>
      )}
    </Form>
  );
}
