import type { CallOutcome, StatementPosition } from "~db/schema";

/** Pure rules of the call tool (browser-safe). */

export const CALL_OUTCOMES: CallOutcome[] = [
  "reached_staffer",
  "left_voicemail",
  "busy_no_answer",
  "skipped",
];
export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  reached_staffer: "Reached a staffer",
  left_voicemail: "Left a voicemail",
  busy_no_answer: "Busy or no answer",
  skipped: "Skipped",
};

/** A script with the official's name filled in where the organizer wrote {{name}}. */
export function fillScript(script: string, name: string): string {
  return script.replaceAll("{{name}}", name);
}

/**
 * The script a caller gets for an official: the one the organizer wrote for that official and
 * its current position when there is one, else the campaign's script for the position.
 */
export function scriptFor(
  scripts: Partial<Record<StatementPosition, string>>,
  overrides: ReadonlyArray<{ key: string; position: StatementPosition; script: string }>,
  key: string,
  position: StatementPosition,
): string {
  return overrides.find((o) => o.key === key && o.position === position)?.script ?? scripts[position] ?? "";
}
