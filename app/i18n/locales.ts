import { LOCALE_PREFIXES } from "./localized-routes.js";

/**
 * The languages of the public investigation pages. English is unprefixed (`/cases/sam-logan`);
 * every other language is a URL prefix (`/ko/cases/sam-logan`), so a page can be shared and
 * cached. Browser-safe. The prefixes live in localized-routes.js (remix.config.js reads them).
 */
export const LOCALES = ["en", ...LOCALE_PREFIXES] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself (the switcher marks each with its own `lang`). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ko: "한국어",
  ru: "Русский",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale a path is in and the path without its prefix: `/ko/cases` -> ko, `/cases`. */
export function splitLocalePath(pathname: string): { locale: Locale; rest: string } {
  const first = pathname.split("/")[1] ?? "";
  if (first !== DEFAULT_LOCALE && isLocale(first)) {
    const rest = pathname.slice(first.length + 1);
    return { locale: first, rest: rest === "" ? "/" : rest };
  }
  return { locale: DEFAULT_LOCALE, rest: pathname || "/" };
}

/** A site path in a locale: ("ko", "/cases") -> "/ko/cases"; English stays unprefixed. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
