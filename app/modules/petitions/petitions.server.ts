import { db } from "~db/index.server";
import { appUrl } from "~/env.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { petitionStatus, publicName } from "./petitions";
import { seatLabel } from "~/modules/legislators/seats";
import type { PetitionSettings } from "./petitions.schema";
import {
  findCampaignIdBySlug,
  findPetitionPage,
  insertPetition,
  listPetitionProgress,
  updatePetitionRow,
} from "./petitions.queries.server";

export { signPetition } from "./signing.server";
export { confirmSignature, removePendingSignature, viewConfirmation } from "./confirmation.server";

/** The petition as its campaign page shows it (null: none, or the campaign is a draft). */
export async function getPetitionPage(slug: string) {
  const row = await findPetitionPage(db(), slug, { recent: 8, hours: 24 * 7 });
  if (!row || row.campaignStatus === "draft") return null;
  const now = Date.now();
  // Only what the page shows leaves the server: a signer is "Jane D.", their town and comment.
  const { id: _id, campaignId: _campaignId, recent, ...shown } = row;
  return {
    ...shown,
    recent: recent.map((r) => ({
      name: publicName(r.firstName, r.lastInitial),
      city: r.city,
      state: r.state,
      comment: r.comment,
      at: r.at,
    })),
    status: petitionStatus(row.campaignStatus, row.deadline),
    url: `${appUrl()}/campaigns/${row.slug}`,
    now,
  };
}
export type PetitionPage = NonNullable<Awaited<ReturnType<typeof getPetitionPage>>>;

/** GET /api/v1/petitions/:slug (DESIGN.md's shape). */
export async function getPetitionJson(slug: string) {
  const p = await findPetitionPage(db(), slug, { recent: 0, hours: 0 });
  if (!p || p.campaignStatus === "draft") return null;
  return {
    slug: p.slug,
    title: p.title,
    status: petitionStatus(p.campaignStatus, p.deadline),
    goal: p.goal,
    signatureCount: p.signatureCount,
    pendingCount: p.pendingCount,
    withdrawnCount: p.withdrawnCount,
    updatedAt: new Date(p.updatedAt).toISOString(),
    byState: Object.fromEntries(p.byState.map((s) => [s.state, s.n])),
    byDistrict: Object.fromEntries(p.byDistrict.map((d) => [seatLabel(d.state, d.district), d.n])),
  };
}

/** Confirmed count and goal per campaign id, for the home page cards. */
export async function petitionProgress(
  campaignIds: number[],
): Promise<Record<number, { signatureCount: number; goal: number }>> {
  const rows = await listPetitionProgress(db(), campaignIds);
  return Object.fromEntries(
    rows.map((r) => [r.campaignId, { signatureCount: r.signatureCount, goal: r.goal }]),
  );
}

export async function createPetition(
  actorId: number | null,
  campaignSlug: string,
  settings: PetitionSettings,
): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  const campaign = await findCampaignIdBySlug(db(), campaignSlug);
  if (!campaign) return { ok: false, message: "No campaign has that slug." };
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertPetition(trx, { campaignId: campaign.id, ...settings });
      if (!row) return { ok: false, message: "That campaign already has a petition." } as const;
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "petition.create",
        subjectType: "petition",
        subjectId: row.id,
        details: { campaign: campaignSlug },
      });
      return { ok: true, id: row.id } as const;
    });
}

export async function updatePetition(actorId: number, id: number, settings: PetitionSettings) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await updatePetitionRow(trx, id, settings);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "petition.update",
        subjectType: "petition",
        subjectId: id,
        details: {
          goal: settings.goal,
          deadline: settings.deadline?.toISOString() ?? null,
          requiresConfirmation: settings.requiresConfirmation,
        },
      });
    });
}
