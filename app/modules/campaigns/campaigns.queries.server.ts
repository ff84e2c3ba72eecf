import type { Executor } from "~db/index.server";
import type { CampaignStatus, TargetKind } from "~db/schema";

const publicColumns = [
  "id",
  "slug",
  "title",
  "summary",
  "status",
  "targetSummary",
  "imageUrl",
  "publishedAt",
  "updatedAt",
  "closedAt",
  "wonAt",
] as const;

export function listCampaignsByStatus(db: Executor, statuses: CampaignStatus[]) {
  return db
    .selectFrom("campaigns")
    .select(publicColumns)
    .where("status", "in", statuses)
    .orderBy("publishedAt", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function listAllCampaigns(db: Executor) {
  return db
    .selectFrom("campaigns")
    .select([...publicColumns, "createdAt"])
    .orderBy("createdAt", "desc")
    .execute();
}

export function findCampaignBySlug(db: Executor, slug: string) {
  return db.selectFrom("campaigns").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function findCampaignById(db: Executor, id: number) {
  return db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertCampaign(
  db: Executor,
  values: {
    slug: string;
    title: string;
    summary: string;
    bodyMd: string;
    targetSummary: string;
    cwcTopic?: string | null;
    createdBy: number | null;
    status?: CampaignStatus;
    publishedAt?: Date | null;
  },
) {
  return db
    .insertInto("campaigns")
    .values(values)
    .onConflict((oc) => oc.column("slug").doNothing())
    .returning(["id", "slug"])
    .executeTakeFirst();
}

export async function updateCampaignContent(
  db: Executor,
  id: number,
  values: {
    slug: string;
    title: string;
    summary: string;
    bodyMd: string;
    targetSummary: string;
    cwcTopic: string | null;
  },
) {
  await db
    .updateTable("campaigns")
    .set({ ...values, updatedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function updateCampaignStatus(
  db: Executor,
  id: number,
  from: CampaignStatus,
  to: CampaignStatus,
): Promise<boolean> {
  const now = new Date();
  const stamps =
    to === "live"
      ? { publishedAt: now, closedAt: null }
      : to === "closed"
        ? { closedAt: now }
        : to === "won"
          ? { wonAt: now }
          : {};
  const result = await db
    .updateTable("campaigns")
    .set({ status: to, updatedAt: now, ...stamps })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who a campaign writes to: each target's kind and, for a named official, the official. */
const targetColumns = [
  "campaignTargets.kind",
  "officials.key",
  "officials.name",
  "officials.title",
  "officials.organization",
  "officials.salutation",
  "officials.addressLines",
  "officials.url",
] as const;

function campaignTargets(db: Executor, campaignId: number) {
  return db
    .selectFrom("campaignTargets")
    .leftJoin("officials", "officials.id", "campaignTargets.officialId")
    .where("campaignTargets.campaignId", "=", campaignId)
    .orderBy("campaignTargets.id");
}

export function listCampaignTargets(db: Executor, campaignId: number) {
  return campaignTargets(db, campaignId).select(targetColumns).execute();
}

/** The same with each target's official id, for the letters that name it. */
export function listTargetsWithOfficials(db: Executor, campaignId: number) {
  return campaignTargets(db, campaignId)
    .select([...targetColumns, "campaignTargets.officialId"])
    .execute();
}

export async function replaceCampaignTargets(
  db: Executor,
  campaignId: number,
  targets: Array<{ kind: TargetKind; officialId: number | null }>,
) {
  await db.deleteFrom("campaignTargets").where("campaignId", "=", campaignId).execute();
  if (targets.length)
    await db
      .insertInto("campaignTargets")
      .values(targets.map((t) => ({ campaignId, ...t })))
      .execute();
}

export function listOfficials(db: Executor) {
  return db.selectFrom("officials").selectAll().orderBy("id").execute();
}

export function findOfficialsByKeys(db: Executor, keys: string[]) {
  if (!keys.length) return Promise.resolve([]);
  return db.selectFrom("officials").select(["id", "key"]).where("key", "in", keys).execute();
}
