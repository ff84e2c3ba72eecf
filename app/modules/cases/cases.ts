import type { CaseConflict, CaseStatus } from "~db/schema";

export const CONFLICT_LABELS: Record<CaseConflict, string> = {
  korean_war: "Korean War",
  cold_war: "Cold War",
  vietnam: "Vietnam",
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  confirmed_alive_in_captivity: "Confirmed alive in captivity",
  reported_alive: "Reported alive",
  missing: "Missing",
};

/**
 * A visitor's search words, lower case, in any script (at most 8). Accents are dropped from
 * Latin letters only (й and ё stay Russian letters), and the text is composed again (NFKD
 * splits a Hangul syllable into its letters; the text searched is stored composed).
 */
export function searchWords(input: string): string[] {
  return input
    .normalize("NFKD")
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, "$1")
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * A visitor's search words as a prefix-matching tsquery ("des saut" -> "des:* & saut:*"), or
 * null when nothing searchable remains. Only letters and digits survive, so no query syntax
 * can be injected.
 */
export function toPrefixQuery(input: string): string | null {
  const words = searchWords(input);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** Initials for a portrait placeholder when a case has no photo. */
export function initials(name: string): string {
  const parts = name
    .replace(/["“”()]/g, "")
    .split(/\s+/)
    .filter((p) => /^[A-Z]/.test(p) && !/\.$/.test(p));
  const letters = parts.length >= 2 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p[0]).join("") || "?";
}
