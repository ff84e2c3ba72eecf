/*
 * The one clock behind every "which Congress is in force" decision (and anything else that must
 * be testable at a set instant). Tests set it to an instant and back to real time with `null`.
 */
let fixed: Date | null = null;

export function now(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** Pins the clock at an instant (tests only; `null` returns to real time). */
export function setClock(at: Date | null): void {
  fixed = at ? new Date(at.getTime()) : null;
}
