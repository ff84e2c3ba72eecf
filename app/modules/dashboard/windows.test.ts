import { dollars, METRIC_WORDS } from "./figures";
import { toSeries, windowHours } from "./windows";

const HOUR = 3_600_000;

describe("dashboard windows", () => {
  const now = Date.UTC(2026, 11, 2, 14, 25);
  const { thisHour, since } = windowHours(now);
  const at = (hoursAgo: number, value: number) => ({ hour: new Date(thisHour - hoursAgo * HOUR), value });

  it("reads the last 30 days, ending with this hour", () => {
    expect(thisHour).toBe(Date.UTC(2026, 11, 2, 14));
    expect((thisHour - since) / HOUR).toBe(719);
  });

  it("puts each hour in its bucket and counts the day, week and month from this hour back", () => {
    const hours = [at(0, 1), at(23, 2), at(24, 4), at(167, 8), at(168, 16), at(719, 32), at(720, 64)];
    const week = toSeries(hours, thisHour, "week");
    expect(week.totals).toEqual({ day: 3, week: 15, month: 63 });
    expect(week.buckets.map((b) => b.value)).toEqual([8, 0, 0, 0, 0, 4, 3]);
    expect(week.buckets[6].start).toBe(thisHour - 23 * HOUR);
    const day = toSeries(hours, thisHour, "day");
    expect(day.buckets).toHaveLength(24);
    expect(day.buckets[23]).toEqual({ start: thisHour, value: 1 });
    expect(day.buckets[0]).toEqual({ start: thisHour - 23 * HOUR, value: 2 });
    expect(toSeries(hours, thisHour, "month").buckets.reduce((s, b) => s + b.value, 0)).toBe(63);
  });

  it("reads figures as sentences for people", () => {
    expect(METRIC_WORDS.signatures.read(1_000_000)).toBe("1,000,000 confirmed signatures");
    expect(METRIC_WORDS.calls.read(1)).toBe("1 call reported");
    expect(dollars(123_456)).toBe("$1,234.56");
    expect(METRIC_WORDS.given.read(250_000)).toBe("$2,500 given");
  });
});
