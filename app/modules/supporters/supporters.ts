import { normalizeEmail } from "~/lib/fields.schema";

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The address that identifies a person: lower-cased; for Gmail and Googlemail, dots and
 * `+tags` removed and the domain unified (they deliver to the same inbox).
 */
export function canonicalEmail(email: string): string {
  const trimmed = normalizeEmail(email);
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.split("+")[0].replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

export function emailDomain(email: string): string {
  return normalizeEmail(email).split("@").pop() ?? "";
}

/**
 * The inbox an address delivers to, as far as we can tell, for counting mail to one person:
 * lower-cased, any `+tag` removed (most providers deliver `jane+x@` to `jane@`), and for Gmail
 * the dots removed and the domain unified. Looser than canonicalEmail, which names a supporter.
 */
export function mailboxKey(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return trimmed;
  let local = trimmed.slice(0, at).split("+")[0];
  let domain = trimmed.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
