import { Form, Link, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { bindFields, FormError, TextArea, TextField } from "~/components/forms";
import { usePageLocale, useLocalePath } from "~/i18n/use-locale";
import { TIP_LIMITS } from "~/modules/tips/tips";

export interface TipFormProps {
  values: Partial<Record<"body" | "name" | "email" | "phone", string>>;
  fields: Record<string, string>;
  message: string | null;
  about: { case: { slug: string; fullName: string } | null; media: { slug: string; title: string } | null };
  honeypot: string;
}

/** The public tip form: works without JavaScript (multipart POST), every input labelled. */
export function TipForm({ values, fields, message, about, honeypot }: TipFormProps) {
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const number = new Intl.NumberFormat(locale);
  const f = bindFields(values, fields);
  return (
    <Form method="post" encType="multipart/form-data" className="stack tip-form" noValidate>
      <FormError message={message} />
      {about.case || about.media ? (
        <div className="panel tip-about">
          {about.case ? (
            <p>
              <Trans
                i18nKey="tipForm.aboutCase"
                values={{ name: about.case.fullName }}
                components={{ a: <Link to={lp(`/cases/${about.case.slug}`)} /> }}
              />
            </p>
          ) : null}
          {about.media ? (
            <p>
              <Trans
                i18nKey="tipForm.aboutMedia"
                values={{ title: about.media.title }}
                components={{ a: <Link to={`${lp("/cases/help-identify")}#${about.media.slug}`} /> }}
              />
            </p>
          ) : null}
          <p className="small">
            <Link to={lp("/tips/new")}>{t("tipForm.general")}</Link>
          </p>
          {about.case ? <input type="hidden" name="case" value={about.case.slug} /> : null}
          {about.media ? <input type="hidden" name="media" value={about.media.slug} /> : null}
        </div>
      ) : null}
      <TextArea
        {...f("body")}
        className="tip-body"
        label={t("tipForm.body")}
        hint={t("tipForm.bodyHint", { max: number.format(TIP_LIMITS.maxChars) })}
        maxLength={TIP_LIMITS.maxChars}
        required
      />
      <TextField
        {...f("attachments")}
        type="file"
        label={t("tipForm.files")}
        hint={t("tipForm.filesHint", {
          count: TIP_LIMITS.maxFiles,
          mb: number.format(TIP_LIMITS.maxFileBytes / 1024 / 1024),
        })}
        multiple
        accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
      />
      <fieldset className="stack">
        <legend>{t("tipForm.contact")}</legend>
        <p className="hint">{t("tipForm.contactHint")}</p>
        <TextField {...f("name")} label={t("tipForm.name")} autoComplete="name" maxLength={120} />
        <TextField
          {...f("email")}
          label={t("tipForm.email")}
          type="email"
          autoComplete="email"
          maxLength={254}
        />
        <TextField {...f("phone")} label={t("tipForm.phone")} type="tel" autoComplete="tel" maxLength={40} />
      </fieldset>
      <div className="hp-field">
        <label htmlFor={honeypot}>{t("tipForm.honeypot")}</label>
        <input id={honeypot} name={honeypot} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <p className="small muted">{t("tipForm.privacy")}</p>
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t("tipForm.sending") : t("tipForm.send")}
        </button>
      </div>
    </Form>
  );
}
