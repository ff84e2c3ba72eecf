import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextArea, TextField } from "~/components/forms";

interface ReplyResult {
  sent: boolean;
  fields: Record<string, string>;
  message: string;
}

/** "Did an office answer you?": a supporter pastes the reply they received, for organizers to verify. */
export function ReplyForm({ targets }: { targets: Array<{ key: string; label: string }> }) {
  const result = useActionData<ReplyResult>();
  const { t } = useTranslation();
  return (
    <section className="reply-form" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t("reply.heading")}</h2>
      <p>{t("reply.lead")}</p>
      {result ? (
        <p className={result.sent ? "notice" : "alert"} role={result.sent ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      {result?.sent ? null : (
        <Form method="post" className="stack" encType="multipart/form-data">
          <SelectField name="target" label={t("reply.who")} error={result?.fields.target}>
            {targets.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <TextArea name="body" label={t("reply.body")} rows={8} error={result?.fields.body} />
          <TextField
            name="scan"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            label={t("reply.scan")}
            hint={t("reply.scanHint")}
            error={result?.fields.scan}
          />
          <button type="submit">{t("reply.submit")}</button>
        </Form>
      )}
    </section>
  );
}
