import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatFullDateTime } from "~/lib/dates";

type DateInput = Date | string | number;

/** The organization's time zone, from the root loader (ORG_TIME_ZONE). */
export function useOrgTimeZone(): string {
  return useRouteLoaderData<{ timeZone?: string }>("root")?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** A date and time in the organization's time zone, e.g. "Dec 1, 2026, 10:30 PM EST". */
export function DateTime({ value, full = false }: { value: DateInput; full?: boolean }) {
  const zone = useOrgTimeZone();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()}>
      {full ? formatFullDateTime(date, zone) : formatDateTime(date, zone)}
    </time>
  );
}

/** A date in the organization's time zone, e.g. "Dec 1, 2026". */
export function DateOnly({ value }: { value: DateInput }) {
  const zone = useOrgTimeZone();
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{formatDate(date, zone)}</time>;
}
