import { appUrl } from "~/env.server";
import { localeCookie, preferredLocale } from "./i18n.server";
import { LOCALIZED_ROUTES } from "./localized-routes.js";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, localizedPath, splitLocalePath } from "./locales";

const LOCALIZED_PATHS = LOCALIZED_ROUTES.map(
  ([, path]) => new RegExp(`^/${path.replace(/:[A-Za-z]+/g, "[^/]+")}$`),
);

/** Whether a path (without its language prefix) is one of the translated public pages. */
export function isLocalizedPath(rest: string): boolean {
  return LOCALIZED_PATHS.some((re) => re.test(rest));
}

/**
 * The languages of the page a request asks for: its own (the URL prefix), the links to it in
 * every language (the switcher; English carries ?lang=en so choosing it is remembered too),
 * the absolute hreflang alternates with x-default, and the language to offer on an English
 * page when the visitor's choice or browser says they read another. Never a redirect. The
 * choice is stored in a cookie when the visitor reads a page in a language, or picks English.
 */
export async function pageLanguages(request: Request) {
  const url = new URL(request.url);
  const { locale, rest } = splitLocalePath(url.pathname);
  const localized = isLocalizedPath(rest);
  const base = appUrl().replace(/\/$/, "");
  const links = localized
    ? LOCALES.map((l) => ({
        locale: l,
        href: l === DEFAULT_LOCALE ? `${rest}?lang=en` : localizedPath(l, rest),
      }))
    : [];
  const alternates = localized
    ? [
        ...LOCALES.map((l) => ({ hrefLang: l, href: `${base}${localizedPath(l, rest)}` })),
        { hrefLang: "x-default", href: `${base}${rest}` },
      ]
    : [];
  const chosen: Locale | null =
    locale !== DEFAULT_LOCALE ? locale : url.searchParams.get("lang") === "en" ? DEFAULT_LOCALE : null;
  const remembered = await localeCookie.parse(request.headers.get("cookie"));
  const headers = new Headers();
  if (chosen && remembered !== chosen) headers.append("Set-Cookie", await localeCookie.serialize(chosen));
  let offer: { locale: Locale; href: string } | null = null;
  if (localized && locale === DEFAULT_LOCALE && !chosen) {
    const preferred = await preferredLocale(request);
    if (isLocale(preferred) && preferred !== DEFAULT_LOCALE)
      offer = { locale: preferred, href: localizedPath(preferred, rest) + url.search };
  }
  return { locale, links, alternates, offer, headers };
}
