import { db, type Executor } from "~db/index.server";
import type { TargetKind } from "~db/schema";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { renderMarkdown } from "~/lib/markdown.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { listCasesForCampaign } from "~/modules/cases/cases.queries.server";
import { campaignsInLocale } from "~/modules/translations/translations.server";
import { isPublic, nextStatus, type CampaignTransition } from "./campaigns";
import type { CampaignForm } from "./campaigns.schema";
import {
  findCampaignById,
  findCampaignBySlug,
  findOfficialsByKeys,
  insertCampaign,
  listAllCampaigns,
  listCampaignsByStatus,
  listCampaignTargets,
  listOfficials,
  replaceCampaignTargets,
  updateCampaignContent,
  updateCampaignStatus,
} from "./campaigns.queries.server";

export function listLiveCampaigns() {
  return listCampaignsByStatus(db(), ["live"]);
}

/** Live first, then won and closed: everything a visitor may read. */
export function listPublicCampaigns() {
  return listCampaignsByStatus(db(), ["live", "won", "closed"]);
}

export function listCampaignsForAdmin() {
  return listAllCampaigns(db());
}

export function listTargetOptions() {
  return listOfficials(db());
}

/**
 * A campaign as a visitor sees it, or null for a missing or draft campaign. On a page in another
 * language its title, summary and story are the organizers' translation where they wrote one
 * (English otherwise: `lang` says which, per field, and `untranslated` that something fell back).
 */
export async function getPublicCampaign(slug: string, locale: Locale = DEFAULT_LOCALE) {
  const found = await findCampaignBySlug(db(), slug);
  if (!found || !isPublic(found.status)) return null;
  const [[campaign], targets, cases] = await Promise.all([
    campaignsInLocale([found], locale),
    listCampaignTargets(db(), found.id),
    listCasesForCampaign(db(), found.id),
  ]);
  return { ...campaign, bodyHtml: renderMarkdown(campaign.bodyMd), targets, cases };
}

export async function getCampaignForEdit(id: number) {
  const campaign = await findCampaignById(db(), id);
  if (!campaign) return null;
  const targets = await listCampaignTargets(db(), id);
  return { ...campaign, targets };
}

export function previewMarkdown(markdown: string) {
  return renderMarkdown(markdown);
}

async function targetRows(database: Executor, form: CampaignForm) {
  const officials = await findOfficialsByKeys(database, form.officials);
  return [
    ...form.chambers.map((kind) => ({ kind: kind as TargetKind, officialId: null })),
    ...officials.map((o) => ({ kind: "official" as const, officialId: o.id })),
  ];
}

export type SaveCampaignResult =
  | { ok: true; id: number; slug: string }
  | { ok: false; fields: Record<string, string> };

export async function createCampaign(actorId: number, form: CampaignForm): Promise<SaveCampaignResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertCampaign(trx, {
        slug: form.slug,
        title: form.title,
        summary: form.summary,
        bodyMd: form.bodyMd,
        targetSummary: form.targetSummary,
        cwcTopic: form.cwcTopic || null,
        createdBy: actorId,
      });
      if (!row) return { ok: false, fields: { slug: "Another campaign already uses this slug." } } as const;
      await replaceCampaignTargets(trx, row.id, await targetRows(trx, form));
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "campaign.create",
        subjectType: "campaign",
        subjectId: row.id,
        details: { slug: row.slug },
      });
      return { ok: true, id: row.id, slug: row.slug } as const;
    });
}

export async function updateCampaign(
  actorId: number,
  id: number,
  form: CampaignForm,
): Promise<SaveCampaignResult> {
  const clash = await findCampaignBySlug(db(), form.slug);
  if (clash && clash.id !== id)
    return { ok: false, fields: { slug: "Another campaign already uses this slug." } };
  await db()
    .transaction()
    .execute(async (trx) => {
      await updateCampaignContent(trx, id, {
        slug: form.slug,
        title: form.title,
        summary: form.summary,
        bodyMd: form.bodyMd,
        targetSummary: form.targetSummary,
        cwcTopic: form.cwcTopic || null,
      });
      await replaceCampaignTargets(trx, id, await targetRows(trx, form));
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "campaign.update",
        subjectType: "campaign",
        subjectId: id,
        details: { slug: form.slug },
      });
    });
  return { ok: true, id, slug: form.slug };
}

export type TransitionResult = { ok: true; status: string } | { ok: false; message: string };

export async function transitionCampaign(
  actorId: number,
  id: number,
  transition: CampaignTransition,
): Promise<TransitionResult> {
  const campaign = await findCampaignById(db(), id);
  if (!campaign) return { ok: false, message: "That campaign no longer exists." };
  const to = nextStatus(campaign.status, transition);
  if (!to) return { ok: false, message: `A ${campaign.status} campaign cannot be changed that way.` };
  return db()
    .transaction()
    .execute(async (trx) => {
      const changed = await updateCampaignStatus(trx, id, campaign.status, to);
      if (!changed)
        return { ok: false, message: "Someone else changed this campaign; reload and try again." } as const;
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: `campaign.${transition}`,
        subjectType: "campaign",
        subjectId: id,
        details: { from: campaign.status, to },
      });
      return { ok: true, status: to } as const;
    });
}
