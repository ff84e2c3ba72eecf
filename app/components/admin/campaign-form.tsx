import { Form } from "@remix-run/react";
import { EditorActions, MarkdownPreview } from "./markdown-preview";
import { bindFields, CheckField, FormError, SelectField, TextArea, TextField } from "~/components/forms";
import { CWC_TOPICS } from "~/modules/cwc/cwc";

export interface CampaignFormValues {
  slug?: string;
  title?: string;
  summary?: string;
  bodyMd?: string;
  targetSummary?: string;
  chambers?: string[];
  officials?: string[];
  cwcTopic?: string | null;
}

/** The campaign editor (create and edit), with a server-rendered preview that needs no JavaScript. */
export function CampaignForm({
  values,
  fields = {},
  message,
  preview,
  officials,
  defaultCwcTopic,
  readOnly,
  submitLabel,
}: {
  values: CampaignFormValues;
  fields?: Record<string, string>;
  message?: string | null;
  preview?: string | null;
  officials: Array<{ key: string; name: string; organization: string }>;
  /** The CWC_DEFAULT_TOPIC setting, offered as the first choice. */
  defaultCwcTopic: string;
  readOnly: boolean;
  submitLabel: string;
}) {
  const f = bindFields({ ...values }, fields);
  return (
    <div className="two-col">
      <Form method="post" className="stack">
        <FormError message={message} />
        <fieldset disabled={readOnly} className="stack">
          <TextField {...f("title")} label="Title" required maxLength={160} />
          <TextField
            {...f("slug")}
            label="Address (slug)"
            hint="Appears in the link: /campaigns/your-slug"
            required
            maxLength={80}
          />
          <TextArea
            {...f("summary")}
            label="Summary"
            hint="One or two sentences for cards and link previews (300 characters)."
            required
            maxLength={300}
          />
          <TextField {...f("targetSummary")} label="Who must act" maxLength={200} />
          <fieldset>
            <legend>Targets</legend>
            <CheckField
              name="chambers"
              value="senate"
              label="Each supporter's two senators"
              defaultChecked={values.chambers?.includes("senate")}
            />
            <CheckField
              name="chambers"
              value="house"
              label="Each supporter's member of the House"
              defaultChecked={values.chambers?.includes("house")}
            />
            {officials.map((o) => (
              <CheckField
                key={o.key}
                name="officials"
                value={o.key}
                label={o.name.includes(o.organization) ? o.name : `${o.name}, ${o.organization}`}
                defaultChecked={values.officials?.includes(o.key)}
              />
            ))}
          </fieldset>
          <SelectField
            {...f("cwcTopic")}
            label="CWC topic"
            hint="The Library of Congress policy area that letters delivered through Communicating with Congress carry."
            defaultValue={values.cwcTopic ?? ""}
          >
            <option value="">The site's default: {defaultCwcTopic}</option>
            {CWC_TOPICS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectField>
          <TextArea
            {...f("bodyMd")}
            className="tall"
            label="The story (Markdown)"
            hint="Headings with ##, links as [text](https://...). HTML is removed."
          />
          <EditorActions submitLabel={submitLabel} />
        </fieldset>
      </Form>
      <MarkdownPreview html={preview} emptyText="Press Preview to see the story as visitors will." />
    </div>
  );
}
