import { Form, useActionData } from "@remix-run/react";
import { SelectField, TextArea, TextField } from "~/components/forms";

interface ReplyResult {
  sent: boolean;
  fields: Record<string, string>;
  message: string;
}

/** "Did an office answer you?": a supporter pastes the reply they received, for organizers to verify. */
export function ReplyForm({ targets }: { targets: Array<{ key: string; label: string }> }) {
  const result = useActionData<ReplyResult>();
  return (
    <section className="reply-form" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Did an office answer you?</h2>
      <p>Paste the reply here. An organizer checks it before it appears on the campaign's scorecard.</p>
      {result ? (
        <p className={result.sent ? "notice" : "alert"} role={result.sent ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      {result?.sent ? null : (
        <Form method="post" className="stack" encType="multipart/form-data">
          <SelectField name="target" label="Who answered" error={result?.fields.target}>
            {targets.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <TextArea name="body" label="Their reply" rows={8} error={result?.fields.body} />
          <TextField
            name="scan"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            label="Or a scan or photo of the letter (optional)"
            hint="A PDF or an image, at most 10 MB."
            error={result?.fields.scan}
          />
          <button type="submit">Send in the reply</button>
        </Form>
      )}
    </section>
  );
}
