import { useRouteLoaderData } from "@remix-run/react";
import { usePageLocale } from "~/i18n/use-locale";
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatFullDateTime } from "~/lib/dates";

type DateInput = Date | string | number;

/** The organization's time zone, from the root loader (ORG_TIME_ZONE). */
export function useOrgTimeZone(): string {
  return useRouteLoaderData<{ timeZone?: string }>("root")?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The language a page writes dates in: en-US on English (and admin) pages, else the page's own. */
function useDateLanguage(): string {
  const locale = usePageLocale();
  return locale === "en" ? "en-US" : locale;
}

/**
 * A date and time in the organization's time zone and the page's language, e.g. "Dec 1, 2026,
 * 10:30 PM EST", "2026. 12. 1. 오후 10:30 GMT-5".
 */
export function DateTime({ value, full = false }: { value: DateInput; full?: boolean }) {
  const zone = useOrgTimeZone();
  const language = useDateLanguage();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()}>
      {full ? formatFullDateTime(date, zone, language) : formatDateTime(date, zone, language)}
    </time>
  );
}

/** A date in the organization's time zone and the page's language, e.g. "Dec 1, 2026", "1 дек. 2026 г.". */
export function DateOnly({ value }: { value: DateInput }) {
  const zone = useOrgTimeZone();
  const language = useDateLanguage();
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{formatDate(date, zone, language)}</time>;
}
