import type { Executor } from "~db/index.server";
import type { CommitteeRole, TargetRuleKind } from "~db/schema";

/* Campaign targets as rules, and the roster they resolve against. */

export function listCampaignRules(db: Executor, campaignId: number) {
  return db
    .selectFrom("campaignTargetRules")
    .select(["id", "kind", "office", "state", "committeeId", "role"])
    .where("campaignId", "=", campaignId)
    .orderBy("id")
    .execute();
}

/** The writer's-members and official targets of a campaign (campaign_targets). */
export function listCampaignTargetKinds(db: Executor, campaignId: number) {
  return db
    .selectFrom("campaignTargets as t")
    .leftJoin("officials as o", "o.id", "t.officialId")
    .select(["t.kind", "t.officialId", "o.name as officialName", "o.title as officialTitle"])
    .where("t.campaignId", "=", campaignId)
    .orderBy("t.id")
    .execute();
}

export async function insertCampaignRule(
  db: Executor,
  rule: {
    campaignId: number;
    kind: TargetRuleKind;
    office: string | null;
    state: string | null;
    committeeId: string | null;
    role: CommitteeRole;
  },
): Promise<boolean> {
  const row = await db
    .insertInto("campaignTargetRules")
    .values(rule)
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export async function deleteCampaignRule(db: Executor, campaignId: number, id: number): Promise<boolean> {
  const r = await db
    .deleteFrom("campaignTargetRules")
    .where("campaignId", "=", campaignId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Every sitting member, for the in-process roster. */
export function listRoster(db: Executor, congress: number) {
  return db
    .selectFrom("legislators")
    .select([
      "bioguide",
      "chamber",
      "title",
      "fullName",
      "state",
      "district",
      "senateClass",
      "party",
      "phone",
    ])
    .where("congress", "=", congress)
    .orderBy("state")
    .orderBy("chamber", "desc")
    .orderBy("senateClass")
    .orderBy("district")
    .execute();
}

export function listAllMemberships(db: Executor, congress: number) {
  return db
    .selectFrom("committeeMembers as m")
    .innerJoin("committees as c", (j) =>
      j.onRef("c.id", "=", "m.committeeId").onRef("c.congress", "=", "m.congress"),
    )
    .select(["m.committeeId", "c.name", "m.bioguide", "m.side", "m.title"])
    .where("m.congress", "=", congress)
    .execute();
}

export function listCommitteeNames(db: Executor, congress: number) {
  return db.selectFrom("committees").select(["id", "name"]).where("congress", "=", congress).execute();
}

/**
 * Every seat of a Congress, filled or vacant: the House districts of its ZIP map, and the Senate
 * seats (state and class) any held Congress had a senator in.
 */
export async function listSeats(db: Executor, congress: number) {
  const [house, senate] = await Promise.all([
    db
      .selectFrom("zipDistricts")
      .select(["state", "district"])
      .distinct()
      .where("congress", "=", congress)
      .execute(),
    db
      .selectFrom("legislators")
      .select(["state", "senateClass"])
      .distinct()
      .where("chamber", "=", "senate")
      .where("senateClass", "is not", null)
      .where("congress", "<=", congress)
      .execute(),
  ]);
  return { house, senate };
}
