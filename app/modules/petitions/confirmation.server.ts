import { createElement } from "react";
import { db } from "~db/index.server";
import SignatureAlreadySigned from "~emails/signature-already-signed";
import SignatureConfirmation from "~emails/signature-confirmation";
import SignatureConfirmed from "~emails/signature-confirmed";
import { appUrl } from "~/env.server";
import { hashToken, hmac, signingKey } from "~/modules/security/secrets.server";
import {
  orgProps,
  queueEmail,
  queueEmails,
  renderEmail,
  type OutgoingEmail,
} from "~/modules/mail/mail.server";
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

function fill(template: { html: string; text: string }, values: { confirmUrl: string; notMeUrl: string }) {
  const apply = (s: string) =>
    s
      .replaceAll(PLACEHOLDERS.confirmUrl, values.confirmUrl)
      .replaceAll(PLACEHOLDERS.notMeUrl, values.notMeUrl);
  return { html: apply(template.html), text: apply(template.text) };
}

/** Renders once per petition in a batch, then fills in each signer's name and links. */
async function renderPerPetition<T>(rows: OutboxSignature[], render: (row: OutboxSignature) => Promise<T>) {
  const cache = new Map<string, Promise<T>>();
  return (row: OutboxSignature, variant = "") => {
    const key = `${row.petitionId}:${variant}`;
    if (!cache.has(key)) cache.set(key, render(row));
    return cache.get(key)!;
  };
}

function links(id: number) {
  const token = confirmationToken(id);
  return {
    token,
    confirmUrl: `${appUrl()}/confirm/${token}`,
    notMeUrl: `${appUrl()}/confirm/${token}?not-me=1`,
  };
}

/** Sends the confirmation emails owed to pending signatures, in batches; each at most once. */
export async function sendConfirmationBatch(): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const rows = await claimUnsentConfirmations(trx, BATCH);
      if (!rows.length) return 0;
      const template = await renderPerPetition(rows, (row) =>
        renderEmail(
          createElement(SignatureConfirmation, { ...orgProps(), petitionTitle: row.title, ...PLACEHOLDERS }),
        ),
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
        const l = links(row.id);
        if (allowed[i])
          emails.push({
            kind: "signature-confirmation",
            to: row.email,
            subject: `Confirm your signature: ${row.title}`,
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
      const template = await renderPerPetition(rows, (row) =>
        renderEmail(
          createElement(SignatureAlreadySigned, {
            ...orgProps(),
            petitionTitle: row.title,
            petitionUrl: `${appUrl()}/campaigns/${row.slug}`,
            confirmUrl: row.state === "pending" ? PLACEHOLDERS.confirmUrl : undefined,
          }),
        ),
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
        const l = links(row.id);
        if (row.state === "pending") tokens.push({ id: row.id, tokenHash: hashToken(l.token) });
        if (allowed.get(row.id)) {
          emails.push({
            kind: "signature-already-signed",
            to: row.email,
            subject: `You have already signed: ${row.title}`,
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

export type TokenView =
  | { kind: "unknown" }
  | { kind: "expired"; title: string; slug: string }
  | { kind: "pending"; title: string; slug: string; firstName: string }
  | { kind: "confirmed"; title: string; slug: string; firstName: string; receipt: string | null }
  | { kind: "void"; title: string; slug: string };

function expiryCutoff() {
  return new Date(Date.now() - CONFIRMATION_DAYS * 86_400_000);
}

/** What the confirmation page shows for a token (GET never changes anything: mail scanners follow links). */
export async function viewConfirmation(token: string): Promise<TokenView> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { kind: "unknown" };
  const s = await findSignatureByTokenHash(db(), hashToken(token));
  if (!s) return { kind: "unknown" };
  if (s.state === "confirmed")
    return {
      kind: "confirmed",
      title: s.title,
      slug: s.slug,
      firstName: s.firstName,
      receipt: await receiptFor(s.id),
    };
  if (s.state !== "pending") return { kind: "void", title: s.title, slug: s.slug };
  if (s.createdAt < expiryCutoff()) return { kind: "expired", title: s.title, slug: s.slug };
  return { kind: "pending", title: s.title, slug: s.slug, firstName: s.firstName };
}

/** POST: confirms once; a second confirmation changes nothing and answers the same. */
export async function confirmSignature(token: string): Promise<TokenView> {
  const view = await viewConfirmation(token);
  if (view.kind !== "pending") return view;
  const s = (await findSignatureByTokenHash(db(), hashToken(token)))!;
  const receipt = await db()
    .transaction()
    .execute(async (trx) => {
      if (!(await confirmPendingSignature(trx, s.id, expiryCutoff()))) return receiptFor(s.id);
      await proveConsents(trx, s.supporterId, consentProof.signature(s.id));
      const receipt = await issueReceipt(trx, s.petitionId, s.id);
      const petitionUrl = `${appUrl()}/campaigns/${s.slug}`;
      const { html, text } = await renderEmail(
        createElement(SignatureConfirmed, {
          ...orgProps(),
          firstName: s.firstName,
          petitionTitle: s.title,
          petitionUrl,
          receipt,
          checkUrl: `${appUrl()}/transparency/petitions/${s.slug}`,
        }),
      );
      await queueEmail(trx, {
        kind: "signature-confirmed",
        to: s.email,
        subject: `Your signature is confirmed: ${s.title}`,
        html,
        text,
        idempotencyKey: `signature-confirmed:${s.id}`,
      });
      return receipt;
    });
  return { ...view, kind: "confirmed", receipt };
}

/** "It wasn't me": removes a pending signature (a confirmed one stays; it was confirmed from the inbox). */
export async function removePendingSignature(token: string): Promise<{ removed: boolean; view: TokenView }> {
  const view = await viewConfirmation(token);
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
