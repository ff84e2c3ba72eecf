import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { db } from "~db/index.server";
import type { TipStatus } from "~db/schema";
import { TipReceiptEmail } from "~emails/tip-receipt";
import { appUrl } from "~/env.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { fixedT } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n/locales";
import { searchWords, toPrefixQuery } from "~/modules/cases/cases";
import { caseListInLocale, mediaInLocale } from "~/modules/translations/translations.server";
import { orgProps, queueEmail, renderEmail } from "~/modules/mail/mail.server";
import { allowPublicMailTo } from "~/modules/security/recipient-limit.server";
import { can, type OrganizerSummary } from "~/modules/organizers/organizers";
import { defineRateLimit } from "~/modules/security/rate-limit.server";
import { randomKey, type CheckedFile } from "~/modules/uploads/file-check.server";
import { fileStore } from "~/modules/uploads/storage.server";
import { formatReference } from "./tips";
import type { TipFilters, TipForm, TipTriage } from "./tips.schema";
import {
  countTipsByStatus,
  findCaseRef,
  findMediaRef,
  findTip,
  findTipAttachment,
  insertTip,
  insertTipAttachments,
  insertTipNote,
  listActiveOrganizers,
  listTipAttachments,
  listTipNotes,
  listTips,
  setTipNeedsTranslation,
  updateTipTriage,
} from "./tips.queries.server";

/** How many tips one address may send (counted per attempt), stored as a setting. */
export const tipRateLimit = defineRateLimit("tips", "Tips per visitor", { max: 10, windowSeconds: 3600 });

/**
 * What the tip form is about: a published case, a published media item, or nothing; named in
 * the page's language where an organizer translated the name or title.
 */
export async function tipSubject(
  refs: { case?: string | null; media?: string | null },
  locale: Locale = "en",
) {
  const [c, m] = await Promise.all([
    refs.case ? findCaseRef(db(), refs.case) : null,
    refs.media ? findMediaRef(db(), refs.media) : null,
  ]);
  const [named] = c?.published ? await caseListInLocale([{ ...c, summary: "" }], locale) : [];
  const [titled] = m?.published
    ? await mediaInLocale([{ ...m, description: "", imageAlt: null }], locale)
    : [];
  return {
    case: c?.published ? { id: c.id, slug: c.slug, fullName: named?.fullName ?? c.fullName } : null,
    media: m?.published
      ? { id: m.id, slug: m.slug, title: titled?.title ?? m.title, imageKey: m.imageKey }
      : null,
  };
}

/**
 * Saves a tip with its (already checked) files. The files are stored first; the tip, its
 * attachment rows and the receipt email commit together; if anything fails, the stored files
 * are deleted again, so a failure leaves neither a row nor an orphan file.
 */
export async function submitTip(
  form: TipForm,
  files: CheckedFile[],
  ipHash: string | null,
  locale: Locale = "en",
): Promise<{ id: number; reference: string }> {
  const subject = await tipSubject({ case: form.case, media: form.media }, locale);
  const stored: Array<{ storageKey: string; filename: string; contentType: string; bytes: number }> = [];
  const store = fileStore();
  try {
    for (const f of files) {
      const storageKey = randomKey("tips", f.extension);
      await store.put(storageKey, f.data);
      stored.push({ storageKey, filename: f.filename, contentType: f.contentType, bytes: f.data.length });
    }
    const reference = formatReference(randomBytes(8));
    // The receipt is written in the language of the page the tip was sent from.
    const t = await fixedT(locale);
    const receipt = form.email
      ? await renderEmail(
          createElement(TipReceiptEmail, {
            ...orgProps(),
            reference,
            lang: locale,
            copy: {
              preview: t("receipt.preview", { reference }),
              heading: t("receipt.heading"),
              hello: t("receipt.hello"),
              thanks: t("receipt.thanks"),
              about: subject.case
                ? t("receipt.aboutCase", { name: subject.case.fullName })
                : subject.media
                  ? t("receipt.aboutMedia", { title: subject.media.title })
                  : null,
              files: files.length ? t("receipt.files", { count: files.length }) : null,
              reference: t("receipt.reference", { reference }),
              quote: t("receipt.quote"),
            },
            siteUrl: appUrl(),
          }),
        )
      : null;
    return await db()
      .transaction()
      .execute(async (trx) => {
        const tip = await insertTip(trx, {
          reference,
          caseId: subject.case?.id ?? null,
          mediaId: subject.media?.id ?? null,
          body: form.body,
          name: form.name,
          email: form.email,
          phone: form.phone,
          ipHash,
          language: locale,
        });
        await insertTipAttachments(trx, tip.id, stored);
        // The receipt goes to an address nobody confirmed: it carries nothing the tipster typed
        // (not even the name), and only within the per-inbox mail limit.
        if (form.email && receipt && (await allowPublicMailTo(form.email, trx))) {
          await queueEmail(trx, {
            kind: "tip-receipt",
            to: form.email,
            subject: t("receipt.subject", { reference }),
            html: receipt.html,
            text: receipt.text,
            idempotencyKey: `tip-receipt:${tip.id}`,
          });
        }
        return tip;
      });
  } catch (error) {
    await Promise.allSettled(stored.map((s) => store.delete(s.storageKey)));
    throw error;
  }
}

export const TIP_PAGE_SIZE = 50;

export async function tipQueue(filters: TipFilters, organizerId: number) {
  const page = filters.page ?? 0;
  const assignedTo =
    filters.assigned === "me"
      ? organizerId
      : filters.assigned === "none"
        ? "none"
        : filters.assigned
          ? Number(filters.assigned)
          : undefined;
  const [rows, counts, organizers] = await Promise.all([
    listTips(db(), {
      status: filters.status as TipStatus | undefined,
      assignedTo,
      caseSlug: filters.case,
      tsquery: toPrefixQuery(filters.q ?? ""),
      words: searchWords(filters.q ?? ""),
      needsTranslation: filters.translation === "needed",
      limit: TIP_PAGE_SIZE + 1,
      offset: page * TIP_PAGE_SIZE,
    }),
    countTipsByStatus(db()),
    listActiveOrganizers(db()),
  ]);
  return {
    tips: rows.slice(0, TIP_PAGE_SIZE),
    more: rows.length > TIP_PAGE_SIZE,
    page,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<TipStatus, number>>,
    organizers: organizers.map((o) => ({ id: o.id, name: o.name })),
  };
}

/**
 * One tip as an organizer may see it. Every open is written to the audit log. Contact details
 * are removed on the server for roles without `read-private-contact`: they never reach the page.
 */
export async function openTip(id: number, organizer: OrganizerSummary) {
  const tip = await findTip(db(), id);
  if (!tip) return null;
  const showContact = can(organizer.role, "read-private-contact");
  const [attachments, notes, organizers] = await Promise.all([
    listTipAttachments(db(), id),
    listTipNotes(db(), id),
    listActiveOrganizers(db()),
  ]);
  await insertAuditEntry(db(), {
    organizerId: organizer.id,
    action: "tip.view",
    subjectType: "tip",
    subjectId: id,
    details: { reference: tip.reference, contactShown: showContact },
  });
  const { name, email, phone, ...rest } = tip;
  const contact = showContact ? { name, email, phone } : null;
  return {
    tip: rest,
    contact,
    anonymous: !name && !email && !phone,
    attachments,
    notes,
    organizers: organizers.map((o) => ({ id: o.id, name: o.name })),
  };
}

export type TriageResult = { ok: true } | { ok: false; fields: Record<string, string> };

export async function triageTip(actorId: number, id: number, values: TipTriage): Promise<TriageResult> {
  const tip = await findTip(db(), id);
  if (!tip) return { ok: false, fields: { _form: "No tip has that number." } };
  let caseId: number | null = null;
  if (values.caseSlug) {
    const c = await findCaseRef(db(), values.caseSlug);
    if (!c) return { ok: false, fields: { caseSlug: "No case file has this slug." } };
    caseId = c.id;
  }
  if (
    values.assignedTo !== null &&
    !(await listActiveOrganizers(db())).some((o) => o.id === values.assignedTo)
  )
    return { ok: false, fields: { assignedTo: "Choose an active organizer." } };
  const forwarded = values.status === "forwarded";
  await db()
    .transaction()
    .execute(async (trx) => {
      await updateTipTriage(trx, id, {
        status: values.status as TipStatus,
        assignedTo: values.assignedTo,
        caseId,
        forwardedTo: forwarded ? values.forwardedTo : tip.forwardedTo,
        forwardedOn: forwarded ? values.forwardedOn : tip.forwardedOn,
      });
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "tip.update",
        subjectType: "tip",
        subjectId: id,
        details: {
          from: tip.status,
          to: values.status,
          assignedTo: values.assignedTo,
          caseSlug: values.caseSlug,
          forwardedTo: forwarded ? values.forwardedTo : null,
        },
      });
    });
  return { ok: true };
}

/** Marks a tip as needing (or no longer needing) a human translation; audited. */
export async function markTipTranslation(actorId: number, id: number, needed: boolean) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await setTipNeedsTranslation(trx, id, needed);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: needed ? "tip.translation-requested" : "tip.translation-done",
        subjectType: "tip",
        subjectId: id,
      });
    });
}

export async function addTipNote(actorId: number, id: number, note: string) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await insertTipNote(trx, { tipId: id, organizerId: actorId, body: note });
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "tip.note",
        subjectType: "tip",
        subjectId: id,
      });
    });
}

/** An attachment's bytes for a signed-in organizer (the route guards); each download is audited. */
export async function readTipAttachment(organizerId: number, tipId: number, attachmentId: number) {
  const row = await findTipAttachment(db(), tipId, attachmentId);
  if (!row) return null;
  const data = await fileStore().get(row.storageKey);
  if (!data) return null;
  await insertAuditEntry(db(), {
    organizerId,
    action: "tip.attachment-open",
    subjectType: "tip",
    subjectId: tipId,
    details: { attachmentId },
  });
  return { data, filename: row.filename, contentType: row.contentType };
}
