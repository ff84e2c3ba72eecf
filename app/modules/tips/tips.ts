import type { TipStatus } from "~db/schema";

export const TIP_STATUSES: TipStatus[] = [
  "new",
  "reviewing",
  "credible",
  "not_credible",
  "forwarded",
  "closed",
];

export const TIP_STATUS_LABELS: Record<TipStatus, string> = {
  new: "New",
  reviewing: "Reviewing",
  credible: "Credible",
  not_credible: "Not credible",
  forwarded: "Forwarded",
  closed: "Closed",
};

/** Limits a visitor is told about on the form. */
export const TIP_LIMITS = { maxChars: 20_000, maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 } as const;

/** Agencies a tip is usually forwarded to (free text is allowed too). */
export const FORWARD_SUGGESTIONS = [
  "DPAA (Defense POW/MIA Accounting Agency)",
  "U.S.-Russia Joint Commission on POW/MIAs",
  "Department of State",
  "FBI",
];

// Crockford's base32 without I, L, O, U: easy to read aloud and to type.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A reference such as `TIP-7K3M-Q9XD` from 8 random bytes (40 bits are used). */
export function formatReference(bytes: Uint8Array): string {
  const chars = Array.from(bytes.slice(0, 8), (b) => ALPHABET[b % 32]);
  return `TIP-${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}`;
}

export const REFERENCE_PATTERN = /^TIP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
