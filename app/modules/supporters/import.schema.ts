import { z } from "zod";
import type { ImportRowError } from "~db/schema";
import {
  email as emailField,
  hasNoControlCharacters,
  isPostcode,
  isUsZip,
  NAME_MAX,
  normalizeUsZip,
  POSTCODE_MESSAGE,
  US_ZIP_MESSAGE,
} from "~/lib/fields.schema";
import { canonicalEmail } from "./supporters";
import { tagText } from "./supporters-admin.schema";

/** The columns an import reads, and the header names other tools export them under. */
export const IMPORT_COLUMNS = {
  email: ["email", "email address", "e-mail", "primary email", "email_address", "emailaddress"],
  firstName: ["first name", "firstname", "first_name", "given name", "given_name", "givenname"],
  lastName: ["last name", "lastname", "last_name", "family name", "family_name", "surname"],
  zip: ["zip", "zip code", "zipcode", "zip_code", "postal code", "postal_code", "postcode", "can2_user_zip"],
  country: ["country", "country code", "country_code", "can2_country"],
  tags: ["tags", "tag", "groups", "can2_tags"],
  consent: [
    "consent",
    "consent to email",
    "email consent",
    "email_consent",
    "opt in",
    "opt_in",
    "subscribed",
  ],
  /** CiviCRM's column says the opposite: "Do Not Email" = no consent. */
  doNotEmail: ["do not email", "do_not_email"],
} as const;
type Column = keyof typeof IMPORT_COLUMNS;

export const COLUMN_LABELS: Record<Exclude<Column, "doNotEmail">, string> = {
  email: "email",
  firstName: "first name",
  lastName: "last name",
  zip: "ZIP or postal code",
  country: "country",
  tags: "tags",
  consent: "consent to email",
};

export interface ImportRow {
  row: number;
  email: string;
  emailCanonical: string;
  firstName: string;
  lastName: string;
  zip: string | null;
  country: string;
  tags: string[];
  consent: boolean;
}

const key = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");

/** Where each known column is in the header, or a message when there is no email column. */
export function mapHeader(
  header: string[],
): { ok: true; at: Partial<Record<Column, number>> } | { ok: false; message: string } {
  const at: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    for (const [column, names] of Object.entries(IMPORT_COLUMNS) as [Column, readonly string[]][])
      if (at[column] === undefined && names.includes(key(h))) at[column] = i;
  });
  if (at.email === undefined)
    return {
      ok: false,
      message: `The first line must name the columns, with one called "email" (or ${IMPORT_COLUMNS.email
        .slice(1)
        .map((n) => `"${n}"`)
        .join(", ")}).`,
    };
  return { ok: true, at };
}

/** A cell a spreadsheet would run as a formula (OWASP CSV injection). */
const isFormula = (v: string) => /^[=+\-@]/.test(v);
export const FORMULA_MESSAGE = "Starts with =, +, - or @, which a spreadsheet would run as a formula.";

const YES = new Set(["yes", "y", "true", "1", "x", "subscribed", "opted in", "opt-in"]);
const NO = new Set(["no", "n", "false", "0", "", "unsubscribed", "opted out", "opt-out"]);
const COUNTRY_NAMES: Record<string, string> = {
  "united states": "US",
  usa: "US",
  "u.s.": "US",
  "u.s.a.": "US",
};

const importEmail = emailField("The email address is missing.");

/** One record checked: the row to import, or every problem found (row number, column, message). */
export function checkRecord(
  record: string[],
  row: number,
  at: Partial<Record<Column, number>>,
): { ok: true; value: ImportRow } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const cell = (c: Column) => (at[c] === undefined ? "" : (record[at[c]!] ?? "").trim());
  const fail = (field: string, message: string) => errors.push({ row, field, message });
  for (const c of Object.keys(COLUMN_LABELS) as (keyof typeof COLUMN_LABELS)[])
    if (isFormula(cell(c))) fail(COLUMN_LABELS[c], FORMULA_MESSAGE);
  const parsedEmail = importEmail.safeParse(cell("email"));
  if (!parsedEmail.success) fail("email", parsedEmail.error.issues[0].message);
  const name = (c: "firstName" | "lastName") => {
    const v = cell(c);
    if (v.length > NAME_MAX) fail(COLUMN_LABELS[c], `At most ${NAME_MAX} characters.`);
    else if (!hasNoControlCharacters(v)) fail(COLUMN_LABELS[c], "Holds characters we cannot accept.");
    return v;
  };
  const firstName = name("firstName");
  const lastName = name("lastName");
  const countryCell = cell("country");
  const country = countryCell
    ? (COUNTRY_NAMES[countryCell.toLowerCase()] ?? countryCell.toUpperCase())
    : "US";
  if (!/^[A-Z]{2}$/.test(country))
    fail("country", "Give the country as a two-letter code (US, CA, GB) or leave it empty for the US.");
  let zip: string | null = cell("zip") || null;
  if (zip && country === "US") {
    if (isUsZip(zip)) zip = normalizeUsZip(zip);
    else if (/^\d{4}$/.test(zip))
      zip = `0${zip}`; // a spreadsheet dropped the leading zero (New England ZIPs)
    else fail(COLUMN_LABELS.zip, US_ZIP_MESSAGE);
  } else if (zip && !isPostcode(zip)) fail(COLUMN_LABELS.zip, POSTCODE_MESSAGE);
  const tags: string[] = [];
  for (const t of cell("tags").split(/[,;|]/)) {
    if (!t.trim()) continue;
    const parsed = tagText.safeParse(t);
    if (parsed.success) tags.includes(parsed.data) || tags.push(parsed.data);
    else fail("tags", `“${t.trim().slice(0, 40)}”: ${parsed.error.issues[0].message}`);
  }
  let consent = false;
  if (at.consent !== undefined) {
    const v = cell("consent").toLowerCase();
    if (YES.has(v)) consent = true;
    else if (!NO.has(v)) fail(COLUMN_LABELS.consent, "Write yes or no.");
  } else if (at.doNotEmail !== undefined) {
    const v = cell("doNotEmail").toLowerCase();
    if (NO.has(v)) consent = true;
    else if (!YES.has(v)) fail("do not email", "Write yes or no.");
  }
  if (errors.length || !parsedEmail.success) return { ok: false, errors };
  const address = parsedEmail.data;
  return {
    ok: true,
    value: {
      row,
      email: address,
      emailCanonical: canonicalEmail(address),
      firstName,
      lastName,
      zip,
      country,
      tags,
      consent,
    },
  };
}

/** The import form's fields besides the file. */
export const importFormSchema = z.object({
  intent: z.enum(["check", "import"], { error: "Choose to check the file or to import it." }),
  sourceTool: z
    .string({ error: "Name the tool the file comes from." })
    .trim()
    .min(1, "Name the tool the file comes from (e.g. Action Network).")
    .max(80, "At most 80 characters.")
    .refine(hasNoControlCharacters, "Holds characters we cannot accept."),
  wording: z
    .string({ error: "Give the wording people agreed to." })
    .trim()
    .min(10, "Give the wording people agreed to when they subscribed (at least 10 characters).")
    .max(2000, "At most 2,000 characters.")
    .refine(hasNoControlCharacters, "Holds characters we cannot accept."),
});
export type ImportForm = z.output<typeof importFormSchema>;
