/**
 * The one way dates and times are written for people: in the organization's time zone
 * (ORG_TIME_ZONE, default America/New_York), never the server's or the browser's, so a page
 * renders the same on the server and after hydration. Browser-safe; the zone is passed in (UI:
 * app/components/date-time.tsx reads it from the root loader; server code: env().ORG_TIME_ZONE).
 */
export const DEFAULT_TIME_ZONE = "America/New_York";

type DateInput = Date | string | number;

/** The language dates are written in: en-US unless a translated page passes its own (ko, ru, zh-Hans...). */
const US = "en-US";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  language: string = US,
): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "Dec 1, 2026, 3:05 PM EST" */
export function formatDateTime(value: DateInput, timeZone: string, language: string = US): string {
  return (
    formatter(timeZone, { dateStyle: "medium", timeStyle: "short" }, language).format(new Date(value)) +
    ` ${zoneName(value, timeZone, language)}`
  );
}

/** "Dec 1, 2026" */
export function formatDate(value: DateInput, timeZone: string, language: string = US): string {
  return formatter(timeZone, { dateStyle: "medium" }, language).format(new Date(value));
}

/** "December 1, 2026": letters and receipts. */
export function formatLongDate(value: DateInput, timeZone: string): string {
  return formatter(timeZone, { dateStyle: "long" }).format(new Date(value));
}

/** "Tuesday, December 1, 2026 at 3:05 PM EST" */
export function formatFullDateTime(value: DateInput, timeZone: string, language: string = US): string {
  return (
    formatter(timeZone, { dateStyle: "full", timeStyle: "short" }, language).format(new Date(value)) +
    ` ${zoneName(value, timeZone, language)}`
  );
}

function zoneName(value: DateInput, timeZone: string, language: string): string {
  const parts = formatter(timeZone, { timeZoneName: "short" }, language).formatToParts(new Date(value));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
