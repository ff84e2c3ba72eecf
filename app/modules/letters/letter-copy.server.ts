import { createHmac, timingSafeEqual } from "node:crypto";
import { createElement } from "react";
import { db, type Executor } from "~db/index.server";
import LetterCopyEmail from "~emails/letter-copy";
import LetterCopyRequest from "~emails/letter-copy-request";
import { env } from "~/env.server";
import { fixedT, siteUrl } from "~/i18n/i18n.server";
import { isLocale, type Locale } from "~/i18n/locales";
import { campaignTitleIn } from "~/modules/translations/translations.server";
import { orgProps, queueEmail, renderEmail } from "~/modules/mail/mail.server";
import { allowPublicMailTo } from "~/modules/security/recipient-limit.server";
import { consentProof, proveConsents } from "~/modules/supporters/supporters.server";
import {
  findSubmissionForCopy,
  listSubmissionLetters,
  markSubmissionEmailConfirmed,
} from "./letters.queries.server";

/**
 * The emailed copy of a letter set. The letters carry the writer's own text (a note of up to
 * 5,000 characters, a name, a street), and the address given for the copy is not proven: so the
 * first email carries none of it, only a link; the copy goes once the address's owner follows
 * it. Following it also proves the consent ticked on the form (see supporters.server.ts).
 */
export const LETTER_COPY_DAYS = 7;

function signature(submissionId: number): string {
  return createHmac("sha256", env().SESSION_SECRET)
    .update(`letter-copy:${submissionId}`)
    .digest("base64url")
    .slice(0, 32);
}

/** `<submission id>.<signature>`: nothing stored, nothing guessable. */
export function letterCopyToken(submissionId: number): string {
  return `${submissionId}.${signature(submissionId)}`;
}

function submissionIdFromToken(token: string): number | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(signature(id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** Inside the letters' transaction: asks the address's owner whether they want the copy (within the per-inbox mail limit). */
export async function requestLetterCopy(
  trx: Executor,
  r: {
    submissionId: number;
    email: string;
    campaign: { id: number; title: string };
    recipients: string[];
    /** The language of the form's page: the email's, and its link's page. */
    locale: Locale;
  },
): Promise<boolean> {
  if (!(await allowPublicMailTo(r.email, trx))) return false;
  const confirmUrl = siteUrl(r.locale, `/letters/copy/${letterCopyToken(r.submissionId)}`);
  const [t, title] = await Promise.all([fixedT(r.locale), campaignTitleIn(r.campaign, r.locale)]);
  const subject = t("letterCopyRequest.subject", { title: title.text });
  const { html, text } = await renderEmail(
    createElement(LetterCopyRequest, {
      ...orgProps(),
      lang: r.locale,
      copy: {
        preview: subject,
        hello: t("letterCopyRequest.hello"),
        someone: t("letterCopyRequest.someone", { title: "{{title}}", recipients: "{{recipients}}" }),
        button: t("letterCopyRequest.button"),
        openLink: t("letterCopyRequest.openLink", { link: "{{link}}", count: LETTER_COPY_DAYS }),
        notYou: t("letterCopyRequest.notYou"),
      },
      campaignTitle: title.text,
      titleLang: title.lang,
      recipients: r.recipients,
      confirmUrl,
    }),
  );
  const { queued } = await queueEmail(trx, {
    kind: "letter-copy-request",
    to: r.email,
    subject,
    html,
    text,
    idempotencyKey: `letter-copy-request:${r.submissionId}`,
  });
  return queued;
}

export type LetterCopyView = { kind: "unknown" } | { kind: "expired" | "ready"; campaignTitle: string };

async function findByToken(token: string) {
  const id = submissionIdFromToken(token);
  return id === null ? undefined : findSubmissionForCopy(db(), id);
}

function expired(createdAt: Date) {
  return createdAt.getTime() < Date.now() - LETTER_COPY_DAYS * 86_400_000;
}

/** What the link's page shows (GET changes nothing: mail scanners follow links). */
export async function viewLetterCopy(token: string): Promise<LetterCopyView> {
  const s = await findByToken(token);
  if (!s) return { kind: "unknown" };
  return { kind: expired(s.createdAt) ? "expired" : "ready", campaignTitle: s.campaignTitle };
}

/** POST: the owner asks for the copy. Queues it once (a second request changes nothing) and proves the form's consent. */
export async function sendLetterCopy(token: string): Promise<LetterCopyView & { sent?: boolean }> {
  const s = await findByToken(token);
  if (!s) return { kind: "unknown" };
  if (expired(s.createdAt)) return { kind: "expired", campaignTitle: s.campaignTitle };
  const letters = await listSubmissionLetters(db(), s.id);
  const locale: Locale = isLocale(s.language) ? s.language : "en";
  const [t, title] = await Promise.all([
    fixedT(locale),
    campaignTitleIn({ id: s.campaignId, title: s.campaignTitle }, locale),
  ]);
  const subject = t("letterCopyEmail.subject", { title: title.text });
  const { html, text } = await renderEmail(
    createElement(LetterCopyEmail, {
      ...orgProps(),
      lang: locale,
      copy: {
        preview: t("letterCopyEmail.preview", { count: letters.length, title: title.text }),
        dear: t("letterCopyEmail.dear", { name: s.firstName }),
        thanks: t("letterCopyEmail.thanks", { title: "{{title}}" }),
        deliver: t("letterCopyEmail.deliver"),
        to: t("letterCopyEmail.to", { name: "{{name}}" }),
        letterSubject: t("letterCopyEmail.letterSubject", { subject: "{{subject}}" }),
        keep: t("letterCopyEmail.keep"),
      },
      campaignTitle: title.text,
      titleLang: title.lang,
      deliveryUrl: siteUrl(locale, `/letters/${s.token}`),
      letters: letters.map((l) => ({
        recipient:
          l.recipientKind === "official" ? l.recipientName : `${l.recipientTitle} ${l.recipientName}`,
        subject: l.subject,
        body: l.body,
      })),
    }),
  );
  await db()
    .transaction()
    .execute(async (trx) => {
      await proveConsents(trx, s.supporterId, consentProof.letters(s.id));
      await markSubmissionEmailConfirmed(trx, s.id);
      await queueEmail(trx, {
        kind: "letter-copy",
        to: s.email,
        subject,
        html,
        text,
        idempotencyKey: `letter-copy:${s.id}`,
      });
    });
  return { kind: "ready", campaignTitle: s.campaignTitle, sent: true };
}
