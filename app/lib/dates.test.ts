import { formatDate, formatDateTime, formatFullDateTime, formatLongDate } from "./dates";

describe("dates in the organization's time zone", () => {
  const lateEvening = "2026-12-02T03:30:00Z"; // still Dec 1 in New York, Dec 2 in UTC

  it("writes the date and time in the zone given, not the server's", () => {
    expect(formatDateTime(lateEvening, "America/New_York")).toBe("Dec 1, 2026, 10:30 PM EST");
    expect(formatDateTime(lateEvening, "UTC")).toBe("Dec 2, 2026, 3:30 AM UTC");
    expect(formatDate(lateEvening, "America/New_York")).toBe("Dec 1, 2026");
    expect(formatDate(lateEvening, "America/Los_Angeles")).toBe("Dec 1, 2026");
    expect(formatLongDate(lateEvening, "UTC")).toBe("December 2, 2026");
    expect(formatFullDateTime("2026-07-04T16:00:00Z", "America/New_York")).toBe(
      "Saturday, July 4, 2026 at 12:00 PM EDT",
    );
  });

  it("writes them in a translated page's language, still in the organization's zone", () => {
    expect(formatDate(lateEvening, "America/New_York", "ko")).toBe("2026. 12. 1.");
    expect(formatDate(lateEvening, "America/New_York", "ru")).toBe("1 дек. 2026 г.");
    expect(formatDate(lateEvening, "America/New_York", "zh-Hans")).toBe("2026年12月1日");
    expect(formatDateTime(lateEvening, "UTC", "zh-Hant")).toMatch(/^2026年12月2日 .*3:30 UTC$/);
    // English pages and admin stay en-US.
    expect(formatDate(lateEvening, "America/New_York")).toBe("Dec 1, 2026");
  });
});

describe("ORG_TIME_ZONE", () => {
  it("defaults to America/New_York and refuses a zone that does not exist", async () => {
    const { parseEnv } = await import("~/env.server");
    expect(parseEnv({}).ORG_TIME_ZONE).toBe("America/New_York");
    expect(parseEnv({ ORG_TIME_ZONE: "Europe/Berlin" }).ORG_TIME_ZONE).toBe("Europe/Berlin");
    expect(() => parseEnv({ ORG_TIME_ZONE: "Mars/Olympus" })).toThrow(
      /ORG_TIME_ZONE: must be an IANA time zone/,
    );
  });
});
