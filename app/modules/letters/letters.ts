import type { Selectable } from "kysely";
import type { LetterSubmissionsTable, OfficialsTable } from "~db/schema";
import { seatLabel } from "~/modules/legislators/seats";

/*
 * Letters: merge fields, salutations, recipients' mailing addresses and the letter as sent.
 * Pure and browser-safe.
 */

export const MERGE_FIELDS = {
  "supporter.first_name": "The supporter's first name",
  "supporter.last_name": "The supporter's last name",
  "supporter.city": "The supporter's city",
  "supporter.state": "The supporter's state (2 letters)",
  "recipient.title": "Senator, Representative, Delegate, Resident Commissioner, or the official's title",
  "recipient.last_name": "The recipient's last name (officials: their title)",
  "recipient.full_name": "The recipient's full name",
  "recipient.state": "The recipient's state (2 letters)",
  "recipient.district": "The House district, e.g. VT-AL or CA-36 (empty for senators and officials)",
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;

const FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Problems with the merge fields of a template text: unknown fields named, broken braces. */
export function mergeFieldProblems(text: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const m of text.matchAll(FIELD_PATTERN)) {
    if (!(m[1] in MERGE_FIELDS)) unknown.add(m[1] || "(empty)");
  }
  if (unknown.size) {
    const names = [...unknown].map((n) => `{{${n}}}`).join(", ");
    problems.push(
      `Unknown merge field${unknown.size > 1 ? "s" : ""} ${names}. Use one of: ${Object.keys(MERGE_FIELDS)
        .map((f) => `{{${f}}}`)
        .join(", ")}.`,
    );
  }
  const stripped = text.replace(FIELD_PATTERN, "");
  if (stripped.includes("{{") || stripped.includes("}}"))
    problems.push("A merge field is not closed: write it as {{supporter.first_name}}.");
  return problems;
}

/** Replaces merge fields with values (inserted as plain text, never interpreted). */
export function applyMergeFields(text: string, values: Record<MergeField, string>): string {
  return text.replace(FIELD_PATTERN, (_all, name: string) =>
    name in values ? values[name as MergeField] : "",
  );
}

export interface MemberRecipient {
  kind: "senate" | "house";
  bioguide: string;
  /** Senator, Representative, Delegate, Resident Commissioner */
  title: string;
  fullName: string;
  lastName: string;
  state: string;
  district: number | null;
  address: string | null;
  office: string | null;
  phone: string | null;
  contactForm: string | null;
  url: string | null;
}

/** A named official (President, Secretary of Defense...) as a letter's recipient: their `officials` row. */
export type OfficialRecipient = { kind: "official"; officialId: number } & Pick<
  Selectable<OfficialsTable>,
  "key" | "name" | "title" | "organization" | "salutation" | "addressLines" | "url"
>;

export type Recipient = MemberRecipient | OfficialRecipient;

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** A named official as a letter addresses them, from a campaign target's columns (a missing one left empty). */
export function officialRecipient(
  officialId: number,
  t: Nullable<Omit<OfficialRecipient, "kind" | "officialId">>,
  fallbackSalutation: string,
): OfficialRecipient {
  return {
    kind: "official",
    officialId,
    key: t.key ?? "",
    name: t.name ?? "",
    title: t.title ?? "",
    organization: t.organization ?? "",
    salutation: t.salutation ?? fallbackSalutation,
    addressLines: t.addressLines ?? [],
    url: t.url ?? null,
  };
}

/** "Dear Senator Sanders", "Dear Delegate Plaskett", "Dear Mr. President" (officials: their own). */
export function salutationFor(r: Recipient): string {
  if (r.kind === "official") return r.salutation.trim().replace(/[,:]$/, "");
  return `Dear ${r.title} ${r.lastName}`;
}

export function recipientDisplayName(r: Recipient): string {
  return r.kind === "official" ? r.name : `${r.title} ${r.fullName}`;
}

/** The recipient's mailing address, one line each, ready for an envelope. */
export function mailingAddress(r: Recipient): string[] {
  if (r.kind === "official") return [r.name, ...r.addressLines];
  const chamber = r.kind === "senate" ? "United States Senate" : "U.S. House of Representatives";
  const fallbackZip = r.kind === "senate" ? "20510" : "20515";
  const lines = [`The Honorable ${r.fullName}`, chamber];
  const match = r.address ? /^(.*?)[,\s]+Washington,?\s+DC\s+(\d{5}(?:-\d{4})?)\s*$/i.exec(r.address) : null;
  if (match) lines.push(match[1].trim(), `Washington, DC ${match[2]}`);
  else if (r.address) lines.push(r.address);
  else lines.push(`Washington, DC ${fallbackZip}`);
  return lines;
}

/** The writer of a letter, as the submission stores them. */
export type Sender = Pick<
  LetterSubmissionsTable,
  "firstName" | "lastName" | "street" | "city" | "state" | "zip"
>;

export function senderLines(s: Sender): string[] {
  return [`${s.firstName} ${s.lastName}`.trim(), s.street, `${s.city}, ${s.state} ${s.zip}`];
}

export function mergeValues(sender: Sender, r: Recipient): Record<MergeField, string> {
  const supporter = {
    "supporter.first_name": sender.firstName,
    "supporter.last_name": sender.lastName,
    "supporter.city": sender.city,
    "supporter.state": sender.state,
  };
  if (r.kind === "official") {
    return {
      ...supporter,
      "recipient.title": r.title,
      "recipient.last_name": r.title,
      "recipient.full_name": r.name,
      "recipient.state": "",
      "recipient.district": "",
    };
  }
  return {
    ...supporter,
    "recipient.title": r.title,
    "recipient.last_name": r.lastName,
    "recipient.full_name": r.fullName,
    "recipient.state": r.state,
    "recipient.district": r.kind === "house" ? seatLabel(r.state, r.district) : "",
  };
}

/** What a template provides once its markdown is reduced to plain text (merge fields still in). */
export interface PlainTemplate {
  subject: string;
  /** Paragraphs of plain text with {{fields}}. */
  paragraphs: string[];
}

export interface ComposedLetter {
  subject: string;
  /** The whole letter as sent: salutation, body, personal paragraph, closing and signature. */
  body: string;
}

/** One letter, exactly as sent. The sender's words are plain text and never interpreted. */
export function composeLetter(
  template: PlainTemplate,
  sender: Sender,
  recipient: Recipient,
  personalNote: string,
): ComposedLetter {
  const values = mergeValues(sender, recipient);
  const paragraphs = template.paragraphs.map((p) => applyMergeFields(p, values).trim()).filter(Boolean);
  const note = normalizeNote(personalNote);
  const signature = [
    `${sender.firstName} ${sender.lastName}`.trim(),
    `${sender.city}, ${sender.state} ${sender.zip}`,
  ];
  const body = [
    `${salutationFor(recipient)},`,
    ...paragraphs,
    ...(note ? [note] : []),
    `Sincerely,\n${signature.join("\n")}`,
  ].join("\n\n");
  return { subject: applyMergeFields(template.subject, values).replace(/\s+/g, " ").trim(), body };
}

/**
 * A stored letter's parts as composeLetter wrote them: the template's paragraphs (after the
 * salutation) and the writer's own paragraph, without the salutation and the signature block.
 */
export function letterParts(body: string, personalNote: string): { statement: string; note: string } {
  const note = normalizeNote(personalNote);
  let text = body.replace(/\n\nSincerely,\n[\s\S]*$/, "");
  text = text.replace(/^[^\n]*,\n\n/, "");
  if (note && text.endsWith(note)) text = text.slice(0, -note.length);
  return { statement: text.trim(), note };
}

/** Line endings unified, trailing spaces and runs of blank lines removed. */
export function normalizeNote(note: string): string {
  return note
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const PERSONAL_NOTE_MAX = 5000;

/** Shown beside the (never pre-checked) updates box and stored with the consent. */
export const LETTER_CONSENT_WORDING =
  "Send me email updates about this campaign. I can unsubscribe at any time.";
