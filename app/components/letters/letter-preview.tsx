import { useTranslation } from "react-i18next";
import { usePageLocale } from "~/i18n/use-locale";

/** One letter exactly as it will be sent (plain text, so anything typed shows literally). */
export function LetterPreview({
  to,
  address,
  subject,
  body,
  headingLevel = 3,
}: {
  to: string;
  address: string[];
  subject: string;
  body: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t } = useTranslation();
  // The letter itself is English (it goes to a U.S. office); only the labels follow the page.
  const en = usePageLocale() === "en" ? undefined : "en";
  return (
    <article className="letter-card">
      <Heading className="h3">{t("letter.to", { to })}</Heading>
      <p className="small muted letter-card__address" lang={en}>
        {address.join(", ")}
      </p>
      <p>
        <strong>{t("letter.subject")}</strong> <span lang={en}>{subject}</span>
      </p>
      <pre className="letter-text" lang={en}>
        {body}
      </pre>
    </article>
  );
}

export function CandidateSummary({
  c,
}: {
  c: {
    label: string;
    vacant: boolean;
    house: { title: string; name: string; party: string } | null;
    senators: Array<{ name: string; party: string }>;
  };
}) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const names = c.senators.map((s) => `${s.name} (${s.party.slice(0, 1)})`);
  const house = c.house
    ? `${c.house.title} ${c.house.name} (${c.house.party.slice(0, 1)})`
    : t("letter.seatVacant");
  const senators = c.senators.length
    ? t("letter.senators", {
        names:
          locale === "en"
            ? names.join(" and ")
            : new Intl.ListFormat(locale, { type: "conjunction" }).format(names),
      })
    : t("letter.noSenators");
  return (
    <span>
      <strong>{c.label}</strong>: {house}; {senators}
    </span>
  );
}
