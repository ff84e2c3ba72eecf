import { Form } from "@remix-run/react";
import { EditorActions, MarkdownPreview } from "./markdown-preview";
import { CheckField, FormError, SelectField, TextArea, TextField } from "~/components/forms";
import { CASE_STATUS_LABELS, CONFLICT_LABELS } from "~/modules/cases/cases";

export type CaseFormValues = Partial<
  Record<
    | "slug"
    | "fullName"
    | "rank"
    | "service"
    | "unit"
    | "conflict"
    | "status"
    | "lossDate"
    | "lossPlace"
    | "summary"
    | "bodyMd"
    | "photoUrl"
    | "photoCredit"
    | "timeline",
    string | null
  >
> & {
  published?: boolean;
};

/** The case file editor (create and edit) with a server-rendered preview. */
export function CaseForm({
  values,
  fields = {},
  preview,
  readOnly,
  submitLabel,
}: {
  values: CaseFormValues;
  fields?: Record<string, string>;
  preview?: string | null;
  readOnly: boolean;
  submitLabel: string;
}) {
  const v = (k: keyof CaseFormValues) => (values[k] as string | null | undefined) ?? undefined;
  return (
    <div className="two-col">
      <Form method="post" className="stack">
        <FormError message={Object.keys(fields).length ? "Please correct the fields marked below." : null} />
        <fieldset disabled={readOnly} className="stack">
          <TextField
            name="fullName"
            label="Name"
            defaultValue={v("fullName")}
            required
            error={fields.fullName}
          />
          <TextField
            name="slug"
            label="Address (slug)"
            hint="/cases/your-slug"
            defaultValue={v("slug")}
            required
            error={fields.slug}
          />
          <TextField name="rank" label="Rank" defaultValue={v("rank")} error={fields.rank} />
          <TextField name="service" label="Service" defaultValue={v("service")} error={fields.service} />
          <TextField name="unit" label="Unit" defaultValue={v("unit")} error={fields.unit} />
          <SelectField
            name="conflict"
            label="Conflict"
            defaultValue={v("conflict") ?? "korean_war"}
            error={fields.conflict}
          >
            {Object.entries(CONFLICT_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="status"
            label="Status"
            defaultValue={v("status") ?? "missing"}
            error={fields.status}
          >
            {Object.entries(CASE_STATUS_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </SelectField>
          <TextField
            name="lossDate"
            label="Date of loss"
            hint="As precise as the record allows, e.g. 1952 or 1952-11-29"
            defaultValue={v("lossDate")}
            error={fields.lossDate}
          />
          <TextField
            name="lossPlace"
            label="Place of loss"
            defaultValue={v("lossPlace")}
            error={fields.lossPlace}
          />
          <TextArea
            name="summary"
            label="Summary"
            defaultValue={v("summary")}
            required
            maxLength={400}
            error={fields.summary}
          />
          <TextArea
            name="bodyMd"
            className="tall"
            label="What is known (Markdown)"
            defaultValue={v("bodyMd")}
            error={fields.bodyMd}
          />
          <TextArea
            name="timeline"
            className="tall"
            label="Timeline"
            hint="One fact per line: date | fact | source title | source URL"
            defaultValue={v("timeline")}
            error={fields.timeline}
          />
          <TextField
            name="photoUrl"
            label="Photo address"
            hint="https://… or /media/…"
            defaultValue={v("photoUrl")}
            error={fields.photoUrl}
          />
          <TextField
            name="photoCredit"
            label="Photo credit"
            defaultValue={v("photoCredit")}
            error={fields.photoCredit}
          />
          <CheckField
            name="published"
            label="Published (visible to the public)"
            defaultChecked={values.published ?? false}
          />
          <EditorActions submitLabel={submitLabel} />
        </fieldset>
      </Form>
      <MarkdownPreview html={preview} emptyText="Press Preview to see the text as visitors will." />
    </div>
  );
}
