import { Form, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { Trans, useTranslation } from "react-i18next";
import { formatUsd } from "~/i18n/format";
import { usePageLocale } from "~/i18n/use-locale";
import { CheckField, FormError, TextField } from "~/components/forms";
import { formatCents, GIVING_NOT_SET_UP } from "~/modules/donations/donations";

export interface DonationFormProps {
  nonce: string;
  presetsCents: number[];
  minCents: number;
  maxCents: number;
  /** False in production without a Stripe key: the page says giving is not set up. */
  available: boolean;
  testMode: boolean;
  updatesWording: string;
  campaignTitle: string | null;
  values?: Record<string, unknown> | null;
  fields?: Record<string, string>;
  message?: string | null;
}

/**
 * The giving form: preset or typed amount, one time (default) or monthly by choice, optional
 * contact. In the page's language; amounts are US dollars written the page's way.
 */
export function DonationForm(props: DonationFormProps) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const money = (cents: number) => (locale === "en" ? formatCents(cents) : formatUsd(cents, locale));
  const navigation = useNavigation();
  const custom = useRef<HTMLInputElement>(null);
  const v = props.values ?? {};
  const chosen = String(v.amount ?? "");
  const fields = props.fields ?? {};
  const busy = navigation.state !== "idle";
  if (!props.available) {
    return (
      <p className="notice" role="status">
        {props.message ?? (locale === "en" ? GIVING_NOT_SET_UP : t("give.notSetUp"))}
      </p>
    );
  }
  return (
    <Form method="post" className="stack giving-form" noValidate>
      {props.testMode ? <TestModeNotice /> : null}
      <FormError message={props.message ?? (Object.keys(fields).length ? t("give.fix") : null)} />
      <input type="hidden" name="nonce" value={props.nonce} />
      <fieldset className="giving-amounts" aria-describedby={fields.amount ? "amount-error" : undefined}>
        <legend>{t("give.amount")}</legend>
        <div className="giving-amounts__grid">
          {props.presetsCents.map((cents) => (
            <label className="giving-choice" key={cents}>
              <input
                type="radio"
                name="amount"
                value={String(cents)}
                defaultChecked={chosen === String(cents)}
              />
              <span>{money(cents)}</span>
            </label>
          ))}
          <label className="giving-choice">
            <input
              type="radio"
              name="amount"
              value="custom"
              defaultChecked={chosen === "custom"}
              ref={custom}
            />
            <span>{t("give.other")}</span>
          </label>
        </div>
        {fields.amount ? (
          <p id="amount-error" className="field-error">
            {fields.amount}
          </p>
        ) : null}
        <TextField
          name="customAmount"
          label={t("give.otherAmount")}
          hint={t("give.otherHint", { min: money(props.minCents), max: money(props.maxCents) })}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={String(v.customAmount ?? "")}
          error={fields.customAmount}
          onInput={() => {
            if (custom.current) custom.current.checked = true;
          }}
        />
      </fieldset>
      <fieldset className="giving-frequency">
        <legend>{t("give.often")}</legend>
        <label className="check">
          <input type="radio" name="frequency" value="one_time" defaultChecked={v.frequency !== "monthly"} />
          <span>{t("give.oneTime")}</span>
        </label>
        <label className="check">
          <input type="radio" name="frequency" value="monthly" defaultChecked={v.frequency === "monthly"} />
          <span>{t("give.monthly")}</span>
        </label>
        {fields.frequency ? <p className="field-error">{fields.frequency}</p> : null}
      </fieldset>
      <TextField
        name="name"
        label={t("give.name")}
        autoComplete="name"
        defaultValue={String(v.name ?? "")}
        error={fields.name}
      />
      <TextField
        name="email"
        type="email"
        label={t("give.email")}
        hint={t("give.emailHint")}
        autoComplete="email"
        defaultValue={String(v.email ?? "")}
        error={fields.email}
      />
      <CheckField
        name="updates"
        label={
          locale === "en" ? (
            props.updatesWording
          ) : (
            // The consent is stored with its English wording, so the reader sees that too.
            <>
              {t("give.updates")}{" "}
              <span className="hint">
                {t("sign.optInRecorded")} <span lang="en">{props.updatesWording}</span>
              </span>
            </>
          )
        }
        defaultChecked={v.updates === "on"}
        error={fields.updates}
      />
      {fields.nonce ? <p className="field-error">{fields.nonce}</p> : null}
      {fields.currency ? <p className="field-error">{fields.currency}</p> : null}
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t("give.busy") : t("give.submit")}
        </button>
        <p className="hint">
          {t("give.stripe")}
          {locale === "en" ? null : ` ${t("give.stripeLang")}`}
        </p>
      </div>
    </Form>
  );
}

export function TestModeNotice() {
  return (
    <p className="warning" role="note">
      <Trans i18nKey="give.testMode" components={{ strong: <strong /> }} />
    </p>
  );
}
