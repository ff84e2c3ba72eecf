import { randomBytes } from "node:crypto";
import type { Locale } from "~/i18n/locales";
import { db, type Executor } from "~db/index.server";
import type { LetterMethod, LetterTargetKind } from "~db/schema";
import { getPublicCampaign } from "~/modules/campaigns/campaigns.server";
import {
  type DistrictCandidate,
  type LookupMember,
  lookupDistricts,
} from "~/modules/legislators/district-lookup.server";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { hashIp } from "~/modules/security/ip-hash.server";
import { consentProof, recordConsent, upsertSupporter } from "~/modules/supporters/supporters.server";
import { queueCwcDeliveries } from "~/modules/cwc/cwc-delivery.server";
import { requestLetterCopy } from "./letter-copy.server";
import { plainTemplate } from "./letter-text";
import {
  composeLetter,
  LETTER_CONSENT_WORDING,
  mailingAddress,
  officialRecipient,
  recipientDisplayName,
  type PlainTemplate,
  type Recipient,
  type Sender,
} from "./letters";
import type { LetterForm } from "./letters.schema";
import { listTargetsWithOfficials } from "~/modules/campaigns/campaigns.queries.server";
import {
  findSubmissionByKey,
  insertLetters,
  insertSubmission,
  listTemplates,
  type LetterValues,
} from "./letters.queries.server";

/** A fresh key for a letter form: resubmitting the same form sends nothing twice. */
export function newIdempotencyKey(): string {
  return randomBytes(16).toString("base64url");
}

export interface LetterTarget {
  kind: LetterTargetKind;
  officialId: number | null;
  official: Extract<Recipient, { kind: "official" }> | null;
  template: PlainTemplate;
}

/** A live campaign that has at least one letter template for its targets, or null. */
export async function getLetterCampaign(slug: string) {
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return null;
  const targets = await letterTargets(db(), campaign.id);
  return {
    campaign: {
      id: campaign.id,
      slug: campaign.slug,
      title: campaign.title,
      summary: campaign.summary,
      status: campaign.status,
    },
    targets,
  };
}

/** Whether the campaign page should offer "Write to Congress". */
export async function campaignHasLetters(campaignId: number): Promise<boolean> {
  return (await letterTargets(db(), campaignId)).length > 0;
}

/** The campaign's targets that have a template, in the campaign's order. */
export async function letterTargets(database: Executor, campaignId: number): Promise<LetterTarget[]> {
  const [targets, templates] = await Promise.all([
    listTargetsWithOfficials(database, campaignId),
    listTemplates(database, campaignId),
  ]);
  const out: LetterTarget[] = [];
  for (const t of targets) {
    const template = templates.find(
      (x) => x.targetKind === t.kind && (x.officialId ?? null) === (t.officialId ?? null),
    );
    if (!template) continue;
    const official =
      t.kind === "official" && t.officialId != null
        ? officialRecipient(t.officialId, t, "Dear Sir or Madam")
        : null;
    out.push({ kind: t.kind, officialId: t.officialId, official, template: plainTemplate(template) });
  }
  return out;
}

export function memberRecipient(m: LookupMember): Recipient {
  return {
    kind: m.chamber,
    bioguide: m.bioguide,
    title: m.title,
    fullName: m.name,
    lastName: m.lastName,
    state: m.state,
    district: m.district,
    address: m.address,
    office: m.room,
    phone: m.phone,
    contactForm: m.contactForm,
    url: m.url,
  };
}

export interface DraftLetter {
  position: number;
  recipient: Recipient;
  member: LookupMember | null;
  displayName: string;
  address: string[];
  subject: string;
  body: string;
  method: LetterMethod;
}

/** Every letter the supporter will send for the chosen district, in the campaign's target order. */
export function draftLetters(
  targets: LetterTarget[],
  candidate: DistrictCandidate,
  sender: Sender,
  personalNote: string,
): DraftLetter[] {
  const list: Array<{ recipient: Recipient; member: LookupMember | null; template: PlainTemplate }> = [];
  for (const t of targets) {
    if (t.kind === "house" && candidate.house)
      list.push({
        recipient: memberRecipient(candidate.house),
        member: candidate.house,
        template: t.template,
      });
    if (t.kind === "senate")
      for (const s of candidate.senators)
        list.push({ recipient: memberRecipient(s), member: s, template: t.template });
    if (t.kind === "official" && t.official)
      list.push({ recipient: t.official, member: null, template: t.template });
  }
  return list.map(({ recipient, member, template }, position) => {
    const letter = composeLetter(template, sender, recipient, personalNote);
    return {
      position,
      recipient,
      member,
      displayName: recipientDisplayName(recipient),
      address: mailingAddress(recipient),
      subject: letter.subject,
      body: letter.body,
      method: preferredMethod(member),
    };
  });
}

function preferredMethod(member: LookupMember | null): LetterMethod {
  if (!member) return "print";
  if (member.contactForm || member.url) return "contact_form";
  if (member.phone) return "phone";
  return "print";
}

export type ResolveResult =
  | { ok: true; candidate: DistrictCandidate; sender: Sender; letters: DraftLetter[]; congress: number }
  | { ok: false; fields: Record<string, string> };

/** The supporter's district (from the ZIP and the chosen seat) and their letters. */
export async function resolveLetters(
  targets: LetterTarget[],
  form: Pick<LetterForm, "zip" | "seat" | "firstName" | "lastName" | "street" | "city" | "personalNote">,
): Promise<ResolveResult> {
  const { result } = await lookupDistricts(form.zip);
  if (!result.ok) return { ok: false, fields: { zip: result.message } };
  const candidate = result.lookup.candidates.find(
    (c) => c.state === form.seat.state && c.district === form.seat.district,
  );
  if (!candidate)
    return { ok: false, fields: { seat: "That district does not match your ZIP code; choose it again." } };
  const sender: Sender = {
    firstName: form.firstName,
    lastName: form.lastName,
    street: form.street,
    city: form.city,
    state: candidate.state,
    zip: form.zip,
  };
  const letters = draftLetters(targets, candidate, sender, form.personalNote);
  if (!letters.length)
    return {
      ok: false,
      fields: {
        seat: "This seat is vacant and the campaign writes to no one else; there is nobody to write to yet.",
      },
    };
  return { ok: true, candidate, sender, letters, congress: result.lookup.data.congress };
}

export type SendResult =
  | { ok: true; token: string; created: boolean }
  | { ok: false; fields: Record<string, string>; status?: number };

/** Each letter set emails the address given (a link to its copy), so new sets are limited per visitor. */
export const letterRateLimit = defineRateLimit("letters", "Letter sets per visitor", {
  max: 20,
  windowSeconds: 3600,
});

/**
 * Stores the letters as sent, the supporter and (when ticked) their pending consent, and emails
 * the address a link to the copy (never the copy itself: see letter-copy.server.ts), in one transaction. The form's idempotency key makes a resubmission return
 * the first set.
 */
export async function sendLetters(
  campaign: { id: number; slug: string; title: string },
  targets: LetterTarget[],
  form: LetterForm,
  clientIp: string,
  /** The language of the form's page: the delivery page's and its email's (the API's is English). */
  language: Locale = "en",
): Promise<SendResult> {
  const existing = await findSubmissionByKey(db(), form.idempotencyKey);
  if (existing)
    return existing.campaignId === campaign.id
      ? { ok: true, token: existing.token, created: false }
      : { ok: false, fields: { _form: "This form has expired; reload the page and try again." } };
  const limit = await hitRateLimit(letterRateLimit, clientIp);
  if (!limit.ok) {
    return {
      ok: false,
      status: 429,
      fields: {
        _form: `Too many letters from your connection. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes and try again.`,
      },
    };
  }
  const resolved = await resolveLetters(targets, form);
  if (!resolved.ok) return resolved;
  const token = randomBytes(18).toString("base64url");
  return db()
    .transaction()
    .execute(async (trx) => {
      const supporter = await upsertSupporter(trx, {
        email: form.email,
        firstName: form.firstName,
        lastName: form.lastName,
        zip: form.zip,
        city: form.city,
        state: resolved.sender.state,
        district: resolved.candidate.district,
      });
      const submissionId = await insertSubmission(trx, {
        token,
        idempotencyKey: form.idempotencyKey,
        campaignId: campaign.id,
        supporterId: supporter.id,
        firstName: form.firstName,
        lastName: form.lastName,
        street: form.street,
        city: form.city,
        state: resolved.sender.state,
        zip: form.zip,
        district: resolved.candidate.district,
        personalNote: form.personalNote,
        ipHash: clientIp ? hashIp(clientIp) : null,
        prefix: form.prefix,
        phone: form.phone,
        zip4: form.zip4,
        congress: resolved.congress,
        language,
      });
      if (submissionId === null) {
        const first = await findSubmissionByKey(trx, form.idempotencyKey);
        return { ok: true, token: first!.token, created: false } as const;
      }
      const rows: LetterValues[] = resolved.letters.map((l) => ({
        submissionId,
        campaignId: campaign.id,
        supporterId: supporter.id,
        position: l.position,
        recipientKind: l.recipient.kind,
        bioguide: l.recipient.kind === "official" ? null : l.recipient.bioguide,
        officialId: l.recipient.kind === "official" ? l.recipient.officialId : null,
        recipientName: l.recipient.kind === "official" ? l.recipient.name : l.recipient.fullName,
        recipientTitle: l.recipient.title,
        recipientAddress: l.address,
        state: l.recipient.kind === "official" ? null : l.recipient.state,
        district: l.recipient.kind === "house" ? l.recipient.district : null,
        subject: l.subject,
        body: l.body,
        method: l.method,
      }));
      await insertLetters(trx, rows);
      await queueCwcDeliveries(trx, submissionId);
      if (form.optIn === "yes") {
        // Pending until the address's owner asks for the copy (letter-copy.server.ts).
        await recordConsent(trx, {
          supporterId: supporter.id,
          campaignId: campaign.id,
          scope: "campaign",
          wording: LETTER_CONSENT_WORDING,
          source: `letter:${campaign.slug}`,
          proof: consentProof.letters(submissionId),
        });
      }
      await requestLetterCopy(trx, {
        submissionId,
        email: form.email,
        campaign,
        recipients: resolved.letters.map((l) => l.displayName),
        locale: language,
      });
      return { ok: true, token, created: true } as const;
    });
}
