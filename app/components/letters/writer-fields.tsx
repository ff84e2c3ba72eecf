import { useTranslation } from "react-i18next";
import { CheckField, SelectField, TextArea, TextField, type bindFields } from "~/components/forms";
import { formatNumber } from "~/i18n/format";
import { usePageLocale } from "~/i18n/use-locale";
import { CWC_PREFIXES } from "~/modules/cwc/cwc";
import { LETTER_CONSENT_WORDING, PERSONAL_NOTE_MAX } from "~/modules/letters/letters";

/**
 * The writer's details on the letter form: what Communicating with Congress requires of a
 * constituent (prefix, name, street address, city, ZIP+4, phone, email), the personal note and
 * the consent to updates, stored with its English wording.
 */
export function WriterFields({
  f,
  zip,
  city,
  optIn,
}: {
  f: ReturnType<typeof bindFields>;
  zip: string;
  city: string;
  optIn: boolean;
}) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  return (
    <>
      <SelectField
        {...f("prefix")}
        label={t("letter.prefix")}
        hint={t("letter.prefixHint")}
        autoComplete="honorific-prefix"
      >
        <option value="">{t("letter.choose")}</option>
        {CWC_PREFIXES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </SelectField>
      <div className="two-col">
        <TextField
          {...f("firstName")}
          label={t("letter.firstName")}
          autoComplete="given-name"
          required
          maxLength={80}
        />
        <TextField
          {...f("lastName")}
          label={t("letter.lastName")}
          autoComplete="family-name"
          required
          maxLength={80}
        />
      </div>
      <TextField
        {...f("street")}
        label={t("letter.street")}
        hint={t("letter.streetHint")}
        autoComplete="street-address"
        required
        maxLength={200}
      />
      <TextField
        {...f("city")}
        label={t("letter.city")}
        autoComplete="address-level2"
        required
        maxLength={80}
        defaultValue={city}
      />
      <div className="two-col">
        <TextField
          {...f("zip4")}
          label={t("letter.zip4")}
          hint={t("letter.zip4Hint", { zip })}
          inputMode="numeric"
          maxLength={10}
        />
        <TextField
          {...f("phone")}
          type="tel"
          label={t("letter.phone")}
          hint={t("letter.phoneHint")}
          autoComplete="tel-national"
          maxLength={30}
        />
      </div>
      <TextField
        {...f("email")}
        type="email"
        label={t("letter.email")}
        hint={t("letter.emailHint")}
        autoComplete="email"
        required
        maxLength={254}
      />
      <TextArea
        {...f("personalNote")}
        label={t("letter.note")}
        hint={t("letter.noteHint", { max: formatNumber(PERSONAL_NOTE_MAX, locale) })}
        rows={5}
      />
      <CheckField
        name="optIn"
        value="yes"
        label={
          locale === "en" ? (
            LETTER_CONSENT_WORDING
          ) : (
            // The consent is stored with its English wording, so the reader sees that too.
            <>
              {t("letter.optIn")}{" "}
              <span className="hint">
                {t("sign.optInRecorded")} <span lang="en">{LETTER_CONSENT_WORDING}</span>
              </span>
            </>
          )
        }
        defaultChecked={optIn}
      />
    </>
  );
}
