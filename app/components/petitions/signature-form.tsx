import { Form, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/locales";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { bindFields, CheckField, FormError, LabelOptions, SelectField, TextArea, TextField } from "../forms";
import { consentWording } from "~/modules/petitions/petitions";
import { COUNTRIES } from "~/modules/petitions/petitions.schema";

export interface SignatureFormState {
  fields?: Record<string, string>;
  values?: Record<string, unknown>;
  message?: string | null;
}

/** The countries named in the page's language (Intl), "another country" in its words. */
function countryLabels(locale: Locale, other: string): ReadonlyArray<readonly [string, string]> {
  if (locale === "en") return COUNTRIES;
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return COUNTRIES.map(([code, label]) => [code, code === "ZZ" ? other : (names.of(code) ?? label)] as const);
}

function Fields({ state, source }: { state?: SignatureFormState; source?: string | null }) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const v = (k: string) => (typeof state?.values?.[k] === "string" ? (state.values[k] as string) : undefined);
  const e = state?.fields ?? {};
  const f = bindFields(state?.values, e);
  return (
    <>
      <FormError message={state?.message ?? (Object.keys(e).length ? t("sign.fix") : null)} />
      <TextField
        {...f("firstName")}
        label={t("sign.firstName")}
        autoComplete="given-name"
        required
        maxLength={60}
      />
      <TextField
        {...f("lastName")}
        label={t("sign.lastName")}
        autoComplete="family-name"
        required
        maxLength={60}
      />
      <TextField
        {...f("email")}
        type="email"
        label={t("sign.email")}
        autoComplete="email"
        required
        maxLength={254}
        hint={t("sign.emailHint")}
      />
      <SelectField
        {...f("country")}
        label={t("sign.country")}
        autoComplete="country"
        defaultValue={v("country") ?? "US"}
      >
        <LabelOptions labels={countryLabels(locale, t("sign.otherCountry"))} />
      </SelectField>
      <TextField
        {...f("zip")}
        label={t("sign.zip")}
        hint={t("sign.zipHint")}
        autoComplete="postal-code"
        inputMode="numeric"
        maxLength={12}
      />
      <TextArea
        {...f("comment")}
        label={t("sign.comment")}
        hint={t("sign.commentHint")}
        maxLength={500}
        rows={3}
      />
      <CheckField
        name="showName"
        label={t("sign.showName")}
        defaultChecked={state?.values?.showName === "on"}
        error={e.showName}
      />
      <CheckField
        name="optIn"
        label={
          locale === "en" ? (
            consentWording()
          ) : (
            // The consent is stored with its English wording, so the reader sees that too.
            <>
              {t("sign.optIn")}{" "}
              <span className="hint">
                {t("sign.optInRecorded")} <span lang="en">{consentWording()}</span>
              </span>
            </>
          )
        }
        defaultChecked={state?.values?.optIn === "on"}
        error={e.optIn}
      />
      <div className="petition-honeypot" aria-hidden="true">
        <label htmlFor="website">{t("tipForm.honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {source ? <input type="hidden" name="source" value={source} /> : null}
    </>
  );
}

/** The signing form; with JavaScript it posts without leaving the page, without it the sign page answers. */
export function SignatureForm({
  slug,
  source,
  state,
  standalone = false,
}: {
  slug: string;
  source?: string | null;
  state?: SignatureFormState;
  standalone?: boolean;
}) {
  const fetcher = useFetcher<SignatureFormState>();
  const { t } = useTranslation();
  const locale = usePageLocale();
  const action = useLocalePath()(`/campaigns/${slug}/sign`);
  if (standalone) {
    return (
      <Form method="post" action={action} className="stack petition-form" noValidate>
        <Fields state={state} source={source} />
        <button className="button" type="submit">
          {t("sign.submit")}
        </button>
      </Form>
    );
  }
  const busy = fetcher.state !== "idle";
  return (
    // On a translated campaign page the form is in the page's language inside an English block.
    <fetcher.Form method="post" action={action} className="stack petition-form" noValidate lang={locale}>
      <Fields
        state={fetcher.data ?? state}
        source={source}
        key={fetcher.data ? JSON.stringify(fetcher.data.values) : "blank"}
      />
      <button className="button" type="submit" disabled={busy}>
        {busy ? t("sign.signing") : t("sign.submit")}
      </button>
    </fetcher.Form>
  );
}
