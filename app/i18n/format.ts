import type { Locale } from "./locales";

/**
 * A case file's date as written by an organizer ("1953", "1953-07", "1953-07-27") in the page's
 * language through Intl: 1953년 7월 27일, 27 июля 1953 г., 1953年7月27日. A calendar date has no
 * time zone, so it is formatted in UTC. Anything else is shown as written.
 */
export function formatRecordDate(value: string, locale: Locale): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim());
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { year: "numeric", month: "long", day: "numeric" }
    : mo
      ? { year: "numeric", month: "long" }
      : { year: "numeric" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date);
}

/** A count in the page's language (1,234 in English, 1 234 in Russian). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : locale).format(value);
}

/** US dollars from cents in the page's language ($25, 25 $ in Russian), cents only when there are some. */
export function formatUsd(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 ? 2 : 0,
  }).format(cents / 100);
}
