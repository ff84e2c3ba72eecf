/**
 * Communicating with Congress (CWC 2.0): the rules of the message that the letter form, the XML
 * builder and the delivery job share. Pure, safe for the browser. See docs/decisions/016-cwc-delivery-and-target-rules.md.
 */

/** The only prefixes the Senate accepts (the House accepts these too). */
export const CWC_PREFIXES = ["Mr.", "Mrs.", "Miss", "Ms.", "Dr."] as const;

/** The 32 Library of Congress policy areas CWC takes as topics. */
export const CWC_TOPICS = [
  "Agriculture and Food",
  "Animals",
  "Armed Forces and National Security",
  "Arts, Culture, Religion",
  "Civil Rights and Liberties, Minority Issues",
  "Commerce",
  "Congress",
  "Crime and Law Enforcement",
  "Economics and Public Finance",
  "Education",
  "Emergency Management",
  "Energy",
  "Environmental Protection",
  "Families",
  "Finance and Financial Sector",
  "Foreign Trade and International Finance",
  "Government Operations and Politics",
  "Health",
  "Housing and Community Development",
  "Immigration",
  "International Affairs",
  "Labor and Employment",
  "Law",
  "Native Americans",
  "Public Lands and Natural Resources",
  "Science, Technology, Communications",
  "Social Sciences and History",
  "Social Welfare",
  "Sports and Recreation",
  "Taxation",
  "Transportation and Public Works",
  "Water Resources Development",
] as const;

export type CwcTopic = (typeof CWC_TOPICS)[number];

/** What a writer sees for each status of a letter's delivery to one office. */
export const CWC_STATUS_LABELS = {
  queued: "queued",
  sent: "sent",
  accepted: "accepted",
  refused: "refused",
  contact_form: "needs the contact form",
} as const;
export type CwcStatusName = keyof typeof CWC_STATUS_LABELS;

export type Chamber = "house" | "senate";

export function chamberOf(office: string): Chamber {
  return office.startsWith("S") ? "senate" : "house";
}

const DELIVERY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A DeliveryId: 32 characters of [A-Za-z0-9] from the given random bytes (at least 32). */
export function deliveryIdFrom(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 32; i++) out += DELIVERY_ID_ALPHABET[bytes[i] % DELIVERY_ID_ALPHABET.length];
  return out;
}

const EASTERN_TIME = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Day of week (0 = Sunday) and minutes since midnight, in Eastern time. */
function eastern(at: Date): { day: number; minutes: number } {
  const parts = EASTERN_TIME.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return { day, minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

/**
 * Minutes until a chamber's reported maintenance window ends, or 0 outside one: House daily
 * 00:00-06:00 Eastern; Senate Sunday 00:00-06:00 and Wednesday 05:00-07:00 Eastern.
 */
export function maintenanceMinutesLeft(chamber: Chamber, at: Date): number {
  const { day, minutes } = eastern(at);
  const windows: Array<[number, number]> =
    chamber === "house" ? [[0, 360]] : day === 0 ? [[0, 360]] : day === 3 ? [[300, 420]] : [];
  for (const [start, end] of windows) if (minutes >= start && minutes < end) return end - minutes;
  return 0;
}
