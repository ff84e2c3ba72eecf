import type { LogEvent } from "./log-lines";

// The tally a log yields, and the one table of what each event may do to a signature. Pure:
// the roll-up keeps the published tally with these functions and the verifier recomputes it
// from the log with the same ones.

export type Status = "active" | "invalidated" | "withdrawn" | "erased";

/** Which statuses an event may move a signature from, and to what. */
export const TRANSITIONS: Record<LogEvent, { from: Status[]; to: Status }> = {
  invalidation: { from: ["active"], to: "invalidated" },
  restoration: { from: ["invalidated"], to: "active" },
  withdrawal: { from: ["active", "invalidated"], to: "withdrawn" },
  erasure: { from: ["active", "invalidated", "withdrawn"], to: "erased" },
};

export interface Geo {
  state: string | null;
  district: number | null;
  hour: string;
}

export interface Tally {
  /** Every signature that entered the log. */
  confirmed: number;
  invalidated: number;
  withdrawn: number;
  erased: number;
  /** Signatures that count: confirmed and none of the above. */
  net: number;
  /** Net signatures by state, by "ST-district" (ST-unknown: no district) and by hour confirmed. */
  byState: Record<string, number>;
  byDistrict: Record<string, number>;
  byHour: Record<string, number>;
}

export function emptyTally(): Tally {
  return {
    confirmed: 0,
    invalidated: 0,
    withdrawn: 0,
    erased: 0,
    net: 0,
    byState: {},
    byDistrict: {},
    byHour: {},
  };
}

export function districtKey(state: string, district: number | null): string {
  return `${state}-${district ?? "unknown"}`;
}

function bump(map: Record<string, number>, key: string, d: number) {
  const n = (map[key] ?? 0) + d;
  if (n === 0) delete map[key];
  else map[key] = n;
}

/** Adds d (may be negative) net signatures in one place and hour. */
export function countActive(t: Tally, geo: Geo, d: number) {
  t.net += d;
  bump(t.byHour, geo.hour, d);
  if (geo.state) {
    bump(t.byState, geo.state, d);
    bump(t.byDistrict, districtKey(geo.state, geo.district), d);
  }
}

const REMOVED: Record<Exclude<Status, "active">, "invalidated" | "withdrawn" | "erased"> = {
  invalidated: "invalidated",
  withdrawn: "withdrawn",
  erased: "erased",
};

export function addSignature(t: Tally, geo: Geo) {
  t.confirmed++;
  countActive(t, geo, 1);
}

/** Moves one signature's count from one status to another. */
export function moveSignature(t: Tally, geo: Geo, from: Status, to: Status) {
  if (from === "active") countActive(t, geo, -1);
  else t[REMOVED[from]]--;
  if (to === "active") countActive(t, geo, 1);
  else t[REMOVED[to]]++;
}

/** The tally in one canonical form (sorted keys), for comparing and publishing. */
export function canonicalTally(t: Tally): Tally {
  const sorted = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    confirmed: t.confirmed,
    invalidated: t.invalidated,
    withdrawn: t.withdrawn,
    erased: t.erased,
    net: t.net,
    byState: sorted(t.byState),
    byDistrict: sorted(t.byDistrict),
    byHour: sorted(t.byHour),
  };
}

/** The first difference between two tallies, in words (null: they agree). */
export function tallyDifference(expected: Tally, published: Tally): string | null {
  for (const key of ["confirmed", "invalidated", "withdrawn", "erased", "net"] as const)
    if (expected[key] !== published[key])
      return `${key}: the log yields ${expected[key]}, the tally says ${published[key]}`;
  for (const key of ["byState", "byDistrict", "byHour"] as const) {
    const a = expected[key];
    const b = published[key] ?? {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if ((a[k] ?? 0) !== (b[k] ?? 0))
        return `${key} ${k}: the log yields ${a[k] ?? 0}, the tally says ${b[k] ?? 0}`;
  }
  return null;
}
