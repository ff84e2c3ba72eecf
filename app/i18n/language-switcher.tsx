import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES, type Locale } from "./locales";

export interface LanguageLink {
  locale: Locale;
  href: string;
}

/**
 * Plain links to this page in each language, each named in itself and marked with its own
 * `lang`; the current one is marked with aria-current. No flags: a flag is a country.
 */
export function LanguageSwitcher({ links, current }: { links: LanguageLink[]; current: Locale }) {
  const { t } = useTranslation();
  if (!links.length) return null;
  return (
    <nav aria-label={t("site.languages")} className="language-switcher">
      <ul>
        {LOCALES.map((locale) => {
          const link = links.find((l) => l.locale === locale);
          if (!link) return null;
          return (
            <li key={locale}>
              <a
                href={link.href}
                lang={locale}
                hrefLang={locale}
                aria-current={locale === current ? "true" : undefined}
              >
                {LOCALE_NAMES[locale]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
