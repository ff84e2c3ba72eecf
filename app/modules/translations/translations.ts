import type { TranslationLocale } from "~db/schema";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";

/** The languages an organizer writes translations in (English is the original text). */
export const TRANSLATION_LOCALES: TranslationLocale[] = ["ko", "ru", "zh-Hans", "zh-Hant"];

export function isTranslationLocale(value: unknown): value is TranslationLocale {
  return typeof value === "string" && (TRANSLATION_LOCALES as string[]).includes(value);
}

/** A field's text in the page's language if an organizer wrote it, else the English original. */
export function pickText(
  locale: Locale,
  original: string,
  translated: string | null | undefined,
): { text: string; lang: Locale } {
  if (locale !== DEFAULT_LOCALE && translated?.trim()) return { text: translated, lang: locale };
  return { text: original, lang: DEFAULT_LOCALE };
}

/**
 * Picks each field and says which language it came out in; `untranslated` is true when any
 * field with English text had to fall back on a non-English page (the page then says so).
 */
export function localize<K extends string>(
  locale: Locale,
  original: Record<K, string | null>,
  translated: Partial<Record<NoInfer<K>, string | null>> | null | undefined,
) {
  const text = {} as Record<K, string | null>;
  const lang = {} as Record<K, Locale>;
  let untranslated = false;
  for (const key of Object.keys(original) as K[]) {
    const source = original[key];
    if (source === null || source === "") {
      text[key] = source;
      lang[key] = locale;
      continue;
    }
    const picked = pickText(locale, source, translated?.[key]);
    text[key] = picked.text;
    lang[key] = picked.lang;
    if (locale !== DEFAULT_LOCALE && picked.lang === DEFAULT_LOCALE) untranslated = true;
  }
  return { text, lang, untranslated };
}
