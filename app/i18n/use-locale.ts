import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale, localizedPath } from "./locales";

/** The language of the page being shown (the root loader reads it from the URL prefix). */
export function usePageLocale(): Locale {
  const locale = useRouteLoaderData<{ locale?: string }>("root")?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** Site links that stay in the page's language: `lp("/cases")` is "/ko/cases" on a Korean page. */
export function useLocalePath(): (path: string) => string {
  const locale = usePageLocale();
  return useCallback((path: string) => localizedPath(locale, path), [locale]);
}
