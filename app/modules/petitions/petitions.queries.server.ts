import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { CampaignStatus } from "~db/schema";

export interface PetitionPageRow {
  id: number;
  campaignId: number;
  slug: string;
  title: string;
  campaignStatus: CampaignStatus;
  ask: string;
  goal: number;
  deadline: Date | null;
  requiresConfirmation: boolean;
  signatureCount: number;
  pendingCount: number;
  /** Signatures their signers withdrew (kept as facts, out of every count). */
  withdrawnCount: number;
  updatedAt: Date;
  byState: Array<{ state: string; n: number }>;
  byDistrict: Array<{ state: string; district: number; n: number }>;
  hourly: Array<{ hour: string; n: number }>;
  recent: Array<{
    firstName: string;
    lastInitial: string;
    city: string | null;
    state: string | null;
    comment: string | null;
    at: string;
  }>;
}

/** Everything a petition's public page shows, from the roll-ups and one small index read, in one query. */
export async function findPetitionPage(
  db: Executor,
  slug: string,
  options: { recent: number; hours: number },
): Promise<PetitionPageRow | undefined> {
  const r = await sql<PetitionPageRow>`
    select pe.id, pe.campaign_id, c.slug, c.title, c.status as campaign_status, pe.ask, pe.goal, pe.deadline, pe.requires_confirmation,
      coalesce((select n from petition_counts where petition_id = pe.id and state = 'confirmed'), 0)::int as signature_count,
      coalesce((select n from petition_counts where petition_id = pe.id and state = 'pending'), 0)::int as pending_count,
      coalesce((select n from petition_counts where petition_id = pe.id and state = 'withdrawn'), 0)::int as withdrawn_count,
      (select ran_at from signature_rollup_runs limit 1) as updated_at,
      (select coalesce(json_agg(json_build_object('state', us_state, 'n', n) order by n desc, us_state), '[]')
         from petition_state_counts where petition_id = pe.id and n > 0) as by_state,
      (select coalesce(json_agg(json_build_object('state', us_state, 'district', district, 'n', n) order by us_state, district), '[]')
         from petition_district_counts where petition_id = pe.id and n > 0) as by_district,
      (select coalesce(json_agg(json_build_object('hour', hour, 'n', n) order by hour), '[]') from (
         select hour, n from petition_hourly_counts where petition_id = pe.id and hour > now() - make_interval(hours => ${options.hours})
       ) h) as hourly,
      (select coalesce(json_agg(json_build_object('firstName', first_name, 'lastInitial', upper(left(btrim(last_name), 1)), 'city', city, 'state', us_state,
           'comment', case when comment_hidden then null else comment end, 'at', created_at) order by id desc), '[]') from (
         select id, first_name, last_name, city, us_state, comment, comment_hidden, created_at from signatures
         where petition_id = pe.id and show_name and state = 'confirmed' order by id desc limit ${options.recent}
       ) r) as recent
    from petitions pe join campaigns c on c.id = pe.campaign_id
    where c.slug = ${slug}`.execute(db);
  return r.rows[0];
}

/** Confirmed counts and goals for several campaigns (home page cards). */
export function listPetitionProgress(db: Executor, campaignIds: number[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db
    .selectFrom("petitions")
    .leftJoin("petitionCounts", (j) =>
      j.onRef("petitionCounts.petitionId", "=", "petitions.id").on("petitionCounts.state", "=", "confirmed"),
    )
    .select([
      "petitions.campaignId",
      "petitions.goal",
      sql<number>`coalesce(petition_counts.n, 0)::int`.as("signatureCount"),
    ])
    .where("petitions.campaignId", "in", campaignIds)
    .execute();
}

export function listPetitionsForAdmin(db: Executor) {
  return db
    .selectFrom("campaigns")
    .leftJoin("petitions", "petitions.campaignId", "campaigns.id")
    .select([
      "campaigns.id as campaignId",
      "campaigns.slug",
      "campaigns.title",
      "campaigns.status",
      "petitions.id",
      "petitions.goal",
      "petitions.deadline",
      (eb) =>
        eb
          .selectFrom("petitionCounts")
          .select(sql<number>`coalesce(sum(n) filter (where state = 'confirmed'), 0)::int`.as("n"))
          .whereRef("petitionCounts.petitionId", "=", "petitions.id")
          .as("confirmed"),
      (eb) =>
        eb
          .selectFrom("petitionCounts")
          .select(sql<number>`coalesce(sum(n) filter (where state = 'pending'), 0)::int`.as("n"))
          .whereRef("petitionCounts.petitionId", "=", "petitions.id")
          .as("pending"),
    ])
    .orderBy("campaigns.createdAt", "desc")
    .execute();
}

export function findPetitionById(db: Executor, id: number) {
  return db
    .selectFrom("petitions")
    .innerJoin("campaigns", "campaigns.id", "petitions.campaignId")
    .select([
      "petitions.id",
      "petitions.campaignId",
      "petitions.ask",
      "petitions.goal",
      "petitions.deadline",
      "petitions.requiresConfirmation",
      "campaigns.slug",
      "campaigns.title",
      "campaigns.status as campaignStatus",
    ])
    .where("petitions.id", "=", id)
    .executeTakeFirst();
}

export function findCampaignIdBySlug(db: Executor, slug: string) {
  return db.selectFrom("campaigns").select(["id"]).where("slug", "=", slug).executeTakeFirst();
}

export function insertPetition(
  db: Executor,
  values: {
    campaignId: number;
    ask: string;
    goal: number;
    deadline: Date | null;
    requiresConfirmation: boolean;
  },
) {
  return db
    .insertInto("petitions")
    .values(values)
    .onConflict((oc) => oc.column("campaignId").doNothing())
    .returning("id")
    .executeTakeFirst();
}

export async function updatePetitionRow(
  db: Executor,
  id: number,
  values: { ask: string; goal: number; deadline: Date | null; requiresConfirmation: boolean },
) {
  await db
    .updateTable("petitions")
    .set({ ...values, updatedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export function countsByState(db: Executor, petitionId: number) {
  return db
    .selectFrom("petitionCounts")
    .select(["state", "n"])
    .where("petitionId", "=", petitionId)
    .execute();
}

export function hourlyCounts(db: Executor, petitionId: number, hours: number) {
  return db
    .selectFrom("petitionHourlyCounts")
    .select(["hour", "n"])
    .where("petitionId", "=", petitionId)
    .where("hour", ">", sql<Date>`now() - make_interval(hours => ${hours})`)
    .orderBy("hour")
    .execute();
}

export function districtCounts(db: Executor, petitionId: number) {
  return db
    .selectFrom("petitionDistrictCounts")
    .select(["usState", "district", "n"])
    .where("petitionId", "=", petitionId)
    .where("n", ">", 0)
    .orderBy("usState")
    .orderBy("district")
    .execute();
}
