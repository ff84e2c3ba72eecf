import type { StatementKind, StatementPosition } from "~db/schema";

/** Pure rules of positions and statements (browser-safe). */

export const POSITIONS: StatementPosition[] = ["supports", "opposes", "undecided", "mixed", "no_response"];
export const POSITION_LABELS: Record<StatementPosition, string> = {
  supports: "Supports",
  opposes: "Opposes",
  undecided: "Undecided",
  mixed: "Mixed",
  no_response: "No response",
};

export const STATEMENT_KINDS: StatementKind[] = [
  "letter_reply",
  "public_statement",
  "vote",
  "cosponsorship",
  "meeting",
  "call_report",
];
export const KIND_LABELS: Record<StatementKind, string> = {
  letter_reply: "Reply to letters",
  public_statement: "Public statement",
  vote: "Vote",
  cosponsorship: "Cosponsorship",
  meeting: "Meeting",
  call_report: "Call report",
};

/** A seat as its CWC office code names it (`SVT01`, `HCA12`, `HVT00`; American Samoa is `HAQ00`). */
export interface OfficeSeat {
  chamber: "senate" | "house";
  state: string;
  /** House: the district (0 at large); Senate: null. */
  district: number | null;
  senateClass: number | null;
}

const OFFICE = /^(H)([A-Z]{2})(\d{2})$|^(S)([A-Z]{2})0([123])$/;

export function isOfficeCode(value: string): boolean {
  return OFFICE.test(value);
}

/** The seat an office code names, or null when it is not one. */
export function parseOfficeCode(code: string): OfficeSeat | null {
  const m = OFFICE.exec(code);
  if (!m) return null;
  if (m[1])
    return {
      chamber: "house",
      state: m[2] === "AQ" ? "AS" : m[2],
      district: Number(m[3]),
      senateClass: null,
    };
  return { chamber: "senate", state: m[5], district: null, senateClass: Number(m[6]) };
}

/** Which call script a target gets: the latest verified position, or "no response" when none. */
export function scriptPosition(position: StatementPosition | null | undefined): StatementPosition {
  return position ?? "no_response";
}

/** Those who already support are called last (listed, with a note), the others in their order. */
export function supportersLast<T extends { position: StatementPosition | null }>(rows: T[]): T[] {
  return [...rows.filter((r) => r.position !== "supports"), ...rows.filter((r) => r.position === "supports")];
}
