import { Form } from "@remix-run/react";
import { EditorActions, MarkdownPreview } from "./markdown-preview";
import { bindFields, CheckField, FormError, LabelOptions, SelectField, TextArea, TextField } from "../forms";
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
  const f = bindFields(values, fields);
  return (
    <div className="two-col">
      <Form method="post" className="stack">
        <FormError message={Object.keys(fields).length ? "Please correct the fields marked below." : null} />
        <fieldset disabled={readOnly} className="stack">
          <TextField {...f("fullName")} label="Name" required />
          <TextField {...f("slug")} label="Address (slug)" hint="/cases/your-slug" required />
          <TextField {...f("rank")} label="Rank" />
          <TextField {...f("service")} label="Service" />
          <TextField {...f("unit")} label="Unit" />
          <SelectField {...f("conflict")} label="Conflict" defaultValue={values.conflict ?? "korean_war"}>
            <LabelOptions labels={CONFLICT_LABELS} />
          </SelectField>
          <SelectField {...f("status")} label="Status" defaultValue={values.status ?? "missing"}>
            <LabelOptions labels={CASE_STATUS_LABELS} />
          </SelectField>
          <TextField
            {...f("lossDate")}
            label="Date of loss"
            hint="As precise as the record allows, e.g. 1952 or 1952-11-29"
          />
          <TextField {...f("lossPlace")} label="Place of loss" />
          <TextArea {...f("summary")} label="Summary" required maxLength={400} />
          <TextArea {...f("bodyMd")} className="tall" label="What is known (Markdown)" />
          <TextArea
            {...f("timeline")}
            className="tall"
            label="Timeline"
            hint="One fact per line: date | fact | source title | source URL"
          />
          <TextField {...f("photoUrl")} label="Photo address" hint="https://… or /media/…" />
          <TextField {...f("photoCredit")} label="Photo credit" />
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
