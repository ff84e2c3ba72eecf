import { z } from "zod";

/*
 * The rules for the fields people type into more than one form or API (petitions, letters,
 * donations, tips, the organizer area): one definition each, used by every schema.
 */

/** Control characters (C0 except tab and newline, DEL, C1, line/paragraph separators). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;
/** A name starts with a letter (of any script): never with =, +, - or @ (a spreadsheet formula), a digit or a symbol. */
const STARTS_WITH_LETTER = /^\p{L}/u;

export const NAME_MAX = 80;
export const FULL_NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const COMMENT_MAX = 500;

/** Text without control characters. */
export function hasNoControlCharacters(text: string): boolean {
  return !CONTROL.test(text);
}

/**
 * A supporter's first or last name, the same on petitions and letters: required, at most 80
 * characters, no control characters, and it starts with a letter. Other characters after it
 * are allowed (names are written many ways) and are always shown escaped.
 */
export const personName = (label: string) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(NAME_MAX, `Your ${label} is at most ${NAME_MAX} characters.`)
    .refine(hasNoControlCharacters, `Your ${label} contains characters we cannot accept.`)
    .refine((v) => STARTS_WITH_LETTER.test(v), `Start your ${label} with a letter.`);

/** A place a supporter names (their city): required, at most 80 printable characters. */
export const placeName = (label: string) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(NAME_MAX, `Your ${label} is at most ${NAME_MAX} characters.`)
    .refine(hasNoControlCharacters, `Your ${label} contains characters we cannot accept.`);

/** A name in one field (a donor, a tipster, an organizer): at most 120 printable characters. */
const fullNameText = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(FULL_NAME_MAX, `Names are at most ${FULL_NAME_MAX} characters.`)
    .refine(hasNoControlCharacters, "The name contains characters we cannot accept.");
export const fullName = (message = "Enter a name.") => fullNameText(message).pipe(z.string().min(1, message));
/** The same, optional: empty becomes null. */
export const optionalFullName = fullNameText("Names are text.")
  .optional()
  .transform((v) => v || null);

/**
 * The one normal form of an email address for comparing and keying (trimmed, lower-cased):
 * every lookup, uniqueness key and limit by address goes through it. The address itself is
 * kept as the person typed it (trimmed), for display and delivery.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailText = (message: string) =>
  z.string({ error: message }).trim().max(EMAIL_MAX, `Email addresses are at most ${EMAIL_MAX} characters.`);
const EMAIL_FORMAT = "Enter an email address like name@example.org.";

/** A required email address, trimmed (compare it through normalizeEmail). */
export const email = (message = "Enter your email address.") =>
  emailText(message).min(1, message).pipe(z.email(EMAIL_FORMAT));

/** An optional email address: empty becomes null, anything else must be an address. */
export const optionalEmail = emailText("Enter an email address, or leave it empty.")
  .optional()
  .transform((v) => v || null)
  .pipe(z.email(`${EMAIL_FORMAT.slice(0, -1)}, or leave it empty.`).nullable());

const US_ZIP = /^(\d{5})(?:-?(\d{4}))?$/;
export const US_ZIP_MESSAGE = "A ZIP code is 5 digits, e.g. 05401 (or ZIP+4, e.g. 05401-1234).";

/** A US ZIP code or ZIP+4 ("05401", "05401-1234", "054011234"), normalised to "05401" or "05401-1234". */
export const usZip = (message = "Enter your ZIP code.") =>
  z.string({ error: message }).trim().min(1, message).regex(US_ZIP, US_ZIP_MESSAGE).transform(normalizeUsZip);

/** "054011234" and "05401-1234" both become "05401-1234"; call only on a valid ZIP (isUsZip). */
export function normalizeUsZip(zip: string): string {
  const [, five, four] = US_ZIP.exec(zip.trim())!;
  return four ? `${five}-${four}` : five;
}

/** A US ZIP code or ZIP+4, keeping only the 5-digit ZIP (what district lookups use). */
export const usZip5 = (message?: string) => usZip(message).transform((v) => v.slice(0, 5));

/** Whether a text is a US ZIP code or ZIP+4. */
export function isUsZip(value: string): boolean {
  return US_ZIP.test(value.trim());
}

/** A postal code outside the United States: 2 to 12 letters, digits, spaces and hyphens. */
export function isPostcode(value: string): boolean {
  return /^[A-Za-z0-9 -]{2,12}$/.test(value.trim());
}
export const POSTCODE_MESSAGE = "Enter a postal code with letters, digits and spaces.";

/** Free text a supporter writes (a comment, a note, a tip): at most `max` characters, no control characters. */
export const freeText = (
  label: string,
  max: number,
  message = `${label} is at most ${max.toLocaleString("en-US")} characters.`,
) =>
  z
    .string({ error: `${label} is text.` })
    .trim()
    .max(max, message)
    .refine(hasNoControlCharacters, `${label} contains characters we cannot accept.`);

/** An optional line an organizer types: trimmed, at most `max` characters, null when empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));
