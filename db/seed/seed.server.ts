import type { DB, Trx } from "../index.server";
import { campaigns, cases, officials } from "./content";
import { seedHelpIdentify } from "./cases-media.server";
import { seedDonationFunds } from "./donations.server";
import { seedPetitions } from "./petitions.server";
import { seedLetterTemplates } from "./letters.server";
import { seedTranslations } from "./translations.server";
import { seedTargetRules } from "./target-rules.server";

export interface SeedResult {
  created: number;
  unchanged: number;
}

/**
 * A step of the seed: inserts what is missing and never overwrites (organizers may have edited
 * the seeded rows). Areas append their own steps (petitions, letter templates, media...).
 */
export type SeedStep = (trx: Trx) => Promise<SeedResult>;

async function seedOfficials(trx: Trx): Promise<SeedResult> {
  const rows = await trx
    .insertInto("officials")
    .values(
      officials.map((o) => ({
        key: o.key,
        name: o.name,
        title: o.title,
        organization: o.organization,
        salutation: o.salutation,
        addressLines: o.addressLines,
        url: o.url,
      })),
    )
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("id")
    .execute();
  return { created: rows.length, unchanged: officials.length - rows.length };
}

async function seedCampaigns(trx: Trx): Promise<SeedResult> {
  let created = 0;
  for (const c of campaigns) {
    const row = await trx
      .insertInto("campaigns")
      .values({
        slug: c.slug,
        title: c.title,
        summary: c.summary,
        bodyMd: c.bodyMd,
        targetSummary: c.targetSummary,
        status: "live",
        publishedAt: new Date(),
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) continue;
    created++;
    for (const t of c.targets) {
      const officialId =
        t.kind === "official"
          ? (
              await trx
                .selectFrom("officials")
                .select("id")
                .where("key", "=", t.key)
                .executeTakeFirstOrThrow()
            ).id
          : null;
      await trx
        .insertInto("campaignTargets")
        .values({ campaignId: row.id, kind: t.kind, officialId })
        .execute();
    }
  }
  return { created, unchanged: campaigns.length - created };
}

async function seedCases(trx: Trx): Promise<SeedResult> {
  let created = 0;
  for (const c of cases) {
    const row = await trx
      .insertInto("cases")
      .values({
        slug: c.slug,
        fullName: c.fullName,
        rank: c.rank,
        service: c.service,
        unit: c.unit,
        conflict: c.conflict,
        status: c.status,
        lossDate: c.lossDate,
        lossPlace: c.lossPlace,
        summary: c.summary,
        bodyMd: c.bodyMd,
        photoUrl: null,
        photoCredit: null,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) continue;
    created++;
    if (c.facts.length)
      await trx
        .insertInto("caseFacts")
        .values(c.facts.map((f, position) => ({ caseId: row.id, position, ...f })))
        .execute();
  }
  for (const campaign of campaigns) {
    for (const slug of campaign.relatedCases) {
      await trx
        .insertInto("caseCampaigns")
        .columns(["caseId", "campaignId"])
        .expression((eb) =>
          eb
            .selectFrom("cases")
            .innerJoin("campaigns", (j) => j.on("campaigns.slug", "=", campaign.slug))
            .select(["cases.id as caseId", "campaigns.id as campaignId"])
            .where("cases.slug", "=", slug),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  return { created, unchanged: cases.length - created };
}

export const seedSteps: SeedStep[] = [
  seedOfficials,
  seedCampaigns,
  seedCases,
  seedPetitions,
  seedHelpIdentify,
  seedTranslations,
  seedDonationFunds,
  seedLetterTemplates,
  seedTargetRules,
];

/** Runs every step in one transaction; running it twice changes nothing. */
export async function runSeed(db: DB): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const total = { created: 0, unchanged: 0 };
    for (const step of seedSteps) {
      const r = await step(trx);
      total.created += r.created;
      total.unchanged += r.unchanged;
    }
    return total;
  });
}

/** Loads the seed content into an empty database (no campaigns yet). */
export async function seedIfEmpty(db: DB, info: (m: string) => void): Promise<void> {
  const any = await db.selectFrom("campaigns").select("id").limit(1).executeTakeFirst();
  if (any) return;
  const result = await runSeed(db);
  info(`Loaded the seed content: ${result.created} rows (campaigns, case files, officials).`);
}
