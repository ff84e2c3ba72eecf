import { issueCallerValue } from "~/modules/calls/call-token.server";
import { db } from "~db/index.server";
import type { Locale } from "~/i18n/locales";
import { campaignTitleIn } from "~/modules/translations/translations.server";
import {
  lookupDistricts,
  nearestOffice,
  type DistrictOffice,
  type LookupMember,
} from "~/modules/legislators/district-lookup.server";
import { type LetterDeliveryStatus, submissionDeliveryStatuses } from "~/modules/cwc/cwc-status.server";
import { lettersPdf, type PdfLetter } from "./letters-pdf.server";
import { senderLines } from "./letters";
import { findSubmissionByToken, listSubmissionLetters } from "./letters.queries.server";

/*
 * The supporter's delivery page (reached through the unguessable token in their link and
 * email): for each letter, the best way to get it read, in order of preference.
 */

export interface DeliveryLetter {
  id: number;
  position: number;
  kind: "senate" | "house" | "official";
  to: string;
  address: string[];
  subject: string;
  body: string;
  /** The text to paste into a contact form: subject line, then the letter. */
  copyText: string;
  contactUrl: string | null;
  contactIsForm: boolean;
  phone: string | null;
  office: DistrictOffice | null;
  callScript: string | null;
  /** Its delivery through Communicating with Congress, when the office is reached that way. */
  cwc: LetterDeliveryStatus | null;
}

/** The delivery page; the campaign named in `locale` where an organizer wrote that title, else in English. */
export async function getDelivery(token: string, locale: Locale = "en") {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return null;
  const submission = await findSubmissionByToken(db(), token);
  if (!submission) return null;
  const letters = await listSubmissionLetters(db(), submission.id);
  const [members, cwc, title] = await Promise.all([
    currentMembers(submission.zip),
    submissionDeliveryStatuses(submission.id),
    campaignTitleIn({ id: submission.campaignId, title: submission.campaignTitle }, locale),
  ]);
  const out: DeliveryLetter[] = letters.map((l) => {
    const member = l.bioguide ? (members.get(l.bioguide) ?? null) : null;
    const to = l.recipientKind === "official" ? l.recipientName : `${l.recipientTitle} ${l.recipientName}`;
    const office = member ? nearestOffice(member.districtOffices, submission.zip) : null;
    return {
      id: l.id,
      position: l.position,
      kind: l.recipientKind,
      to,
      address: l.recipientAddress,
      subject: l.subject,
      body: l.body,
      copyText: `${l.subject}\n\n${l.body}`,
      contactUrl: member ? (member.contactForm ?? member.url) : null,
      contactIsForm: Boolean(member?.contactForm),
      phone: member?.phone ?? null,
      office,
      callScript: member
        ? `Hello, my name is ${submission.firstName} ${submission.lastName} and I am a constituent from ${submission.city}, ${submission.state} ${submission.zip}. I am calling to ask ${l.recipientTitle} ${member.lastName} to act on this: ${l.subject}. I have also sent a letter. Please note my call. Thank you.`
        : null,
      cwc: cwc.get(l.id) ?? null,
    };
  });
  return {
    submission: {
      token: submission.token,
      firstName: submission.firstName,
      email: submission.email,
      createdAt: submission.createdAt,
      campaignSlug: submission.campaignSlug,
      campaignTitle: title.text,
      campaignTitleLang: title.lang,
      /** Signed, expiring; carried to the call tool so the writer's calls are theirs (never the letter token). */
      caller: submission.supporterId ? issueCallerValue(submission.supporterId) : null,
    },
    letters: out,
  };
}

/** The members for the supporter's ZIP as the data has them now (phone, forms, offices). */
async function currentMembers(zip: string): Promise<Map<string, LookupMember>> {
  const map = new Map<string, LookupMember>();
  const { result } = await lookupDistricts(zip);
  if (!result.ok) return map;
  for (const c of result.lookup.candidates) {
    if (c.house) map.set(c.house.bioguide, c.house);
    for (const s of c.senators) map.set(s.bioguide, s);
  }
  return map;
}

/** The supporter's letters as a PDF, one page per recipient (or just one letter). */
export async function deliveryPdf(
  token: string,
  letterId?: number,
): Promise<{ filename: string; pdf: Buffer } | null> {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return null;
  const submission = await findSubmissionByToken(db(), token);
  if (!submission) return null;
  const letters = (await listSubmissionLetters(db(), submission.id)).filter(
    (l) => letterId === undefined || l.id === letterId,
  );
  if (!letters.length) return null;
  const sender = senderLines(submission);
  const pages: PdfLetter[] = letters.map((l) => ({
    senderLines: sender,
    date: l.sentAt,
    recipientLines: l.recipientAddress,
    subject: l.subject,
    body: l.body,
  }));
  const pdf = await lettersPdf(`Letters: ${submission.campaignTitle}`, pages);
  return { filename: `letters-${submission.campaignSlug}${letterId ? `-${letterId}` : ""}.pdf`, pdf };
}
