/** The dashboard's windows: the last day by hour, the last week and month by day (ending this hour). */
export const WINDOWS = {
  day: { label: "Last 24 hours", buckets: 24, hoursPerBucket: 1 },
  week: { label: "Last 7 days", buckets: 7, hoursPerBucket: 24 },
  month: { label: "Last 30 days", buckets: 30, hoursPerBucket: 24 },
} as const;
export type WindowKey = keyof typeof WINDOWS;
export const WINDOW_KEYS = Object.keys(WINDOWS) as WindowKey[];

const HOUR = 3_600_000;

/** The start of the hour `at` falls in, and the first hour the longest window reads. */
export function windowHours(at: number): { thisHour: number; since: number } {
  const thisHour = Math.floor(at / HOUR) * HOUR;
  return { thisHour, since: thisHour - (WINDOWS.month.buckets * WINDOWS.month.hoursPerBucket - 1) * HOUR };
}

export interface Series {
  /** Oldest first; each bucket's start (ms) and value. */
  buckets: Array<{ start: number; value: number }>;
  totals: Record<WindowKey, number>;
}

/** Hourly figures folded into the window's buckets, and the day, week and month totals. */
export function toSeries(
  hours: Array<{ hour: Date | string; value: number }>,
  thisHour: number,
  window: WindowKey,
): Series {
  const w = WINDOWS[window];
  const values = new Array<number>(w.buckets).fill(0);
  const totals: Record<WindowKey, number> = { day: 0, week: 0, month: 0 };
  for (const h of hours) {
    const age = Math.round((thisHour - new Date(h.hour).getTime()) / HOUR);
    if (age < 0) continue;
    for (const k of WINDOW_KEYS)
      if (age < WINDOWS[k].buckets * WINDOWS[k].hoursPerBucket) totals[k] += h.value;
    const bucket = Math.floor(age / w.hoursPerBucket);
    if (bucket < w.buckets) values[w.buckets - 1 - bucket] += h.value;
  }
  return {
    buckets: values.map((value, i) => ({
      start: thisHour - ((w.buckets - 1 - i) * w.hoursPerBucket + (w.hoursPerBucket - 1)) * HOUR,
      value,
    })),
    totals,
  };
}
