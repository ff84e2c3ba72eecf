import { db } from "~db/index.server";
import { appUrl } from "~/env.server";
import type { Locale } from "~/i18n/locales";
import { hashToken, hmac, signingKey } from "~/modules/security/secrets.server";
import { queueEmail, queueEmails, type OutgoingEmail } from "~/modules/mail/mail.server";
import { allowPublicMail } from "~/modules/security/recipient-limit.server";
import { consentProof, proveConsents } from "~/modules/supporters/supporters.server";
import { issueReceipt, receiptFor } from "~/modules/transparency/transparency.server";
import { CONFIRMATION_DAYS } from "./petitions";
import {
  claimOwedNotices,
  claimUnsentConfirmations,
  confirmPendingSignature,
  deletePendingSignature,
  findSignatureByTokenHash,
  markConfirmationsSent,
  markNoticesSent,
  type OutboxSignature,
} from "./confirmation.queries.server";
import { scheduleJob, uncountRemovedSignature } from "./rollup.queries.server";
import { siteUrl } from "~/i18n/i18n.server";
import { campaignTitleIn } from "~/modules/translations/translations.server";
import {
  renderAlreadySignedEmail,
  renderConfirmationEmail,
  renderConfirmedEmail,
  signatureLocale,
} from "./signature-emails.server";

/** The link token is derived from the signature id with a secret, so the sender can rebuild it; only its hash is stored. */
export function confirmationToken(signatureId: number): string {
  return hmac(signingKey("signature-confirmation"), `signature-confirmation:${signatureId}`)
    .toString("base64url")
    .slice(0, 32);
}

const BATCH = 500;
// No first name in these: they go to addresses nobody has confirmed yet, and a requester-written
// name would let anyone mail their own words to anyone.
const PLACEHOLDERS = { confirmUrl: "%%CONFIRM_URL%%", notMeUrl: "%%NOT_ME_URL%%" };

type Rendered = { subject: string; html: string; text: string };

function fill(template: Rendered, values: { confirmUrl: string; notMeUrl: string }) {
  const apply = (s: string) =>
    s
      .replaceAll(PLACEHOLDERS.confirmUrl, values.confirmUrl)
      .replaceAll(PLACEHOLDERS.notMeUrl, values.notMeUrl);
  return { subject: template.subject, html: apply(template.html), text: apply(template.text) };
}

/**
 * Renders once per petition and language in a batch (the signer's language: its sentences, the
 * campaign's title in it), then fills in each signer's links.
 */
function renderPerPetition(render: (row: OutboxSignature, locale: Locale) => Promise<Rendered>) {
  const cache = new Map<string, Promise<Rendered>>();
  return (row: OutboxSignature, variant = "") => {
    const locale = signatureLocale(row.language);
    const key = `${row.petitionId}:${locale}:${variant}`;
    if (!cache.has(key)) cache.set(key, render(row, locale));
    return cache.get(key)!;
  };
}

/** The confirmation links, under the prefix of the signer's language (/ko/confirm/<token>). */
function links(id: number, language: string) {
  const token = confirmationToken(id);
  const confirmUrl = siteUrl(signatureLocale(language), `/confirm/${token}`);
  return { token, confirmUrl, notMeUrl: `${confirmUrl}?not-me=1` };
}

const titleOf = (row: OutboxSignature, locale: Locale) =>
  campaignTitleIn({ id: row.campaignId, title: row.title }, locale);

/** Sends the confirmation emails owed to pending signatures, in batches; each at most once. */
export async function sendConfirmationBatch(): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const rows = await claimUnsentConfirmations(trx, BATCH);
      if (!rows.length) return 0;
      const template = renderPerPetition(async (row, locale) =>
        renderConfirmationEmail(locale, await titleOf(row, locale), PLACEHOLDERS),
      );
      const emails: OutgoingEmail[] = [];
      const sent: Array<{ id: number; tokenHash: string }> = [];
      // Over an inbox's limit (e.g. many +tag variants of one address) the link is not sent; the
      // signature stays pending and expires unconfirmed.
      const allowed = await allowPublicMail(
        rows.map((r) => r.email),
        trx,
        { global: false },
      );
      for (const [i, row] of rows.entries()) {
        const l = links(row.id, row.language);
        if (allowed[i])
          emails.push({
            kind: "signature-confirmation",
            to: row.email,
            ...fill(await template(row), l),
            idempotencyKey: `signature-confirmation:${row.id}`,
            tags: { petition: String(row.petitionId) },
          });
        sent.push({ id: row.id, tokenHash: hashToken(l.token) });
      }
      await markConfirmationsSent(trx, sent);
      await queueEmails(trx, emails);
      return rows.length;
    });
}

/** Sends the "already signed" notes owed (at most three per signature, counted on the signature). */
export async function sendAlreadySignedBatch(): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const rows = await claimOwedNotices(trx, BATCH);
      if (!rows.length) return 0;
      const template = renderPerPetition(async (row, locale) =>
        renderAlreadySignedEmail(locale, await titleOf(row, locale), {
          petitionUrl: siteUrl(locale, `/campaigns/${row.slug}`),
          confirmUrl: row.state === "pending" ? PLACEHOLDERS.confirmUrl : undefined,
        }),
      );
      const emails: OutgoingEmail[] = [];
      const tokens: Array<{ id: number; tokenHash: string }> = [];
      const owed = rows.filter((r) => r.state === "pending" || r.state === "confirmed");
      const allowed = new Map(
        (
          await allowPublicMail(
            owed.map((r) => r.email),
            trx,
            { global: false },
          )
        ).map((ok, i) => [owed[i].id, ok]),
      );
      for (const row of rows) {
        const l = links(row.id, row.language);
        if (row.state === "pending") tokens.push({ id: row.id, tokenHash: hashToken(l.token) });
        if (allowed.get(row.id)) {
          emails.push({
            kind: "signature-already-signed",
            to: row.email,
            ...fill(await template(row, row.state), l),
            idempotencyKey: `signature-already-signed:${row.id}:${row.alreadySignedNotices}`,
            tags: { petition: String(row.petitionId) },
          });
        }
      }
      await markNoticesSent(
        trx,
        rows.map((r) => ({ id: r.id, notices: r.alreadySignedNotices })),
      );
      await markConfirmationsSent(trx, tokens);
      await queueEmails(trx, emails);
      return rows.length;
    });
}

/** The send_signature_emails job: drain the outbox, then come back in a couple of seconds. */
export async function sendSignatureEmailsJob(): Promise<void> {
  try {
    for (let i = 0; i < 40; i++) if ((await sendConfirmationBatch()) < BATCH) break;
    for (let i = 0; i < 10; i++) if ((await sendAlreadySignedBatch()) < BATCH) break;
  } finally {
    await scheduleJob(db(), "send_signature_emails", 2);
  }
}

/** The campaign as the page shows it: its title in the page's language where one is written. */
type Campaign = { title: string; titleLang: Locale; slug: string };

export type TokenView =
  | { kind: "unknown" }
  | ({ kind: "expired" } & Campaign)
  | ({ kind: "pending"; firstName: string } & Campaign)
  | ({ kind: "confirmed"; firstName: string; receipt: string | null } & Campaign)
  | ({ kind: "void" } & Campaign);

function expiryCutoff() {
  return new Date(Date.now() - CONFIRMATION_DAYS * 86_400_000);
}

/**
 * What the confirmation page shows for a token, in the page's language (GET never changes
 * anything: mail scanners follow links).
 */
export async function viewConfirmation(token: string, locale: Locale = "en"): Promise<TokenView> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { kind: "unknown" };
  const s = await findSignatureByTokenHash(db(), hashToken(token));
  if (!s) return { kind: "unknown" };
  const title = await campaignTitleIn({ id: s.campaignId, title: s.title }, locale);
  const campaign = { title: title.text, titleLang: title.lang, slug: s.slug };
  if (s.state === "confirmed")
    return { kind: "confirmed", ...campaign, firstName: s.firstName, receipt: await receiptFor(s.id) };
  if (s.state !== "pending") return { kind: "void", ...campaign };
  if (s.createdAt < expiryCutoff()) return { kind: "expired", ...campaign };
  return { kind: "pending", ...campaign, firstName: s.firstName };
}

/** POST: confirms once; a second confirmation changes nothing and answers the same. */
export async function confirmSignature(token: string, locale: Locale = "en"): Promise<TokenView> {
  const view = await viewConfirmation(token, locale);
  if (view.kind !== "pending") return view;
  const s = (await findSignatureByTokenHash(db(), hashToken(token)))!;
  const receipt = await db()
    .transaction()
    .execute(async (trx) => {
      if (!(await confirmPendingSignature(trx, s.id, expiryCutoff()))) return receiptFor(s.id);
      await proveConsents(trx, s.supporterId, consentProof.signature(s.id));
      const receipt = await issueReceipt(trx, s.petitionId, s.id);
      const locale = signatureLocale(s.language);
      const { subject, html, text } = await renderConfirmedEmail(
        locale,
        await campaignTitleIn({ id: s.campaignId, title: s.title }, locale),
        {
          firstName: s.firstName,
          receipt,
          petitionUrl: siteUrl(locale, `/campaigns/${s.slug}`),
          // The public log's pages are in English.
          checkUrl: `${appUrl()}/transparency/petitions/${s.slug}`,
        },
      );
      await queueEmail(trx, {
        kind: "signature-confirmed",
        to: s.email,
        subject,
        html,
        text,
        idempotencyKey: `signature-confirmed:${s.id}`,
      });
      return receipt;
    });
  return { ...view, kind: "confirmed", receipt };
}

/** "It wasn't me": removes a pending signature (a confirmed one stays; it was confirmed from the inbox). */
export async function removePendingSignature(
  token: string,
  locale: Locale = "en",
): Promise<{ removed: boolean; view: TokenView }> {
  const view = await viewConfirmation(token, locale);
  if (view.kind !== "pending" && view.kind !== "expired") return { removed: false, view };
  const s = (await findSignatureByTokenHash(db(), hashToken(token)))!;
  const removed = await db()
    .transaction()
    .execute(async (trx) => {
      const row = await deletePendingSignature(trx, s.id);
      if (!row) return false;
      await uncountRemovedSignature(trx, row.petitionId, row.countedState);
      return true;
    });
  return { removed, view };
}
