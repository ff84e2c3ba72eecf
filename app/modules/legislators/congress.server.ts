import { now } from "~/lib/clock.server";
import { db } from "~db/index.server";
import { listCongresses } from "./congress.queries.server";

/*
 * Members, ZIP districts and committees are stored per Congress. `congressAt(instant)` is THE
 * function every read goes through to pick the Congress in force: the newest one whose first
 * day's noon Eastern has passed. The list is held a few seconds (read on every lookup).
 */

/** The Congress that a term starting on this day (YYYY-MM-DD) belongs to: the 119th began 2025-01-03. */
export function congressOfDay(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  const startYear = month === 1 && date < 3 ? year - 1 : year;
  return Math.floor((startYear - 1789) / 2) + 1;
}

/** Noon Eastern (17:00 UTC, standard time) on the Congress's first day, January 3rd. */
export function congressTakesEffectAt(congress: number): Date {
  return new Date(Date.UTC(1789 + 2 * (congress - 1), 0, 3, 17, 0, 0));
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

let cached: { at: number; list: Array<{ number: number; takesEffectAt: Date }> } | undefined;
const HOLD_MS = 5_000;

/** Forget the held list (after an import in this process). */
export function clearCongressCache(): void {
  cached = undefined;
}

async function congresses() {
  const t = Date.now();
  if (cached && t - cached.at < HOLD_MS) return cached.list;
  const list = (await listCongresses(db())).map((c) => ({
    number: c.number,
    takesEffectAt: new Date(c.takesEffectAt),
  }));
  cached = { at: t, list };
  return list;
}

/** The Congress in force at an instant (default: the clock's now). */
export async function congressAt(at: Date = now()): Promise<number> {
  const list = await congresses();
  let pick: number | null = null;
  for (const c of list) if (c.takesEffectAt.getTime() <= at.getTime()) pick = c.number;
  return pick ?? list[0]?.number ?? 119;
}

/** Every stored Congress with the moment it takes effect, oldest first. */
export async function storedCongresses() {
  return congresses();
}
