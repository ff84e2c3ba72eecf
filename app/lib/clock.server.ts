import { env } from "~/env.server";

/*
 * The one clock behind every "which Congress is in force" decision (and anything else that must
 * be testable at a set instant). Outside production the CLOCK_AT setting starts this process's
 * clock at an instant, from which it runs on in real time (a built server "after the switch");
 * production refuses the setting. Tests in one process pin it with `setClock` (`null` returns
 * to the setting, or to real time).
 */
let fixed: Date | null = null;
const startedAt = Date.now();

export function now(): Date {
  if (fixed) return new Date(fixed.getTime());
  const at = env().CLOCK_AT;
  return at ? new Date(at.getTime() + (Date.now() - startedAt)) : new Date();
}

/** Pins the clock at an instant (tests only; `null` returns to real time or CLOCK_AT). */
export function setClock(at: Date | null): void {
  fixed = at ? new Date(at.getTime()) : null;
}
