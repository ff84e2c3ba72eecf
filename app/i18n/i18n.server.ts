import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { i18nOptions } from "./i18n";
import { appUrl } from "~/env.server";
import { DEFAULT_LOCALE, LOCALES, type Locale, isLocale, localizedPath, splitLocalePath } from "./locales";

/** The visitor's last chosen language (set when they read a page in it; never used to redirect). */
export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** What a visitor seems to read: the remembered choice, else the browser's Accept-Language. */
const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
});

/**
 * Browsers name Chinese by region (zh-TW, zh-CN): rewrite those tags to the script we publish
 * (zh-TW, zh-HK and zh-MO read Traditional; zh-CN, zh-SG and a bare zh Simplified), keeping
 * their q-values, so the library's matcher does not take the first zh for every Chinese reader.
 */
export function scriptTags(acceptLanguage: string): string {
  return acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const lower = tag.toLowerCase();
      if (!/^zh(-|$)/.test(lower) || /^zh-han[st]/.test(lower)) return part.trim();
      const script = /^zh-(tw|hk|mo)\b/.test(lower) ? "zh-Hant" : "zh-Hans";
      return [script, ...params].join(";");
    })
    .join(",");
}

/** The locale a request's page is in: its URL prefix, nothing else. */
export function requestLocale(request: Request): Locale {
  return splitLocalePath(new URL(request.url).pathname).locale;
}

/** The language to offer a visitor on an English page (never used to redirect). */
export async function preferredLocale(request: Request): Promise<Locale> {
  const headers = new Headers();
  const cookie = request.headers.get("cookie");
  if (cookie) headers.set("cookie", cookie);
  headers.set("accept-language", scriptTags(request.headers.get("accept-language") ?? ""));
  const found = await detector.getLocale(new Request(request.url, { headers }));
  return isLocale(found) ? found : DEFAULT_LOCALE;
}

/** A fresh i18next instance fixed to one language (server render, emails, messages). */
export async function i18nFor(locale: Locale): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nOptions, lng: locale });
  return instance;
}

/** A translate function in one language, for text made on the server (emails, form errors). */
export async function fixedT(locale: Locale) {
  return (await i18nFor(locale)).getFixedT(locale);
}

/** An absolute site address in a language: ("ko", "/confirm/x") -> APP_URL/ko/confirm/x. */
export function siteUrl(locale: Locale, path: string): string {
  return `${appUrl()}${localizedPath(locale, path)}`;
}
