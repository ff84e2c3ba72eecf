import { z } from "zod";
import { db } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { findCommittee } from "./committees.queries.server";
import { congressAt } from "./congress.server";
import { campaignTargetSeats, clearTargetRoster, COMMITTEE_ROLE_LABELS } from "./targets.server";
import { deleteCampaignRule, insertCampaignRule, listCampaignRules } from "./targets.queries.server";

/* The campaign editor's part for target rules: list, add, remove, and who they resolve to today. */

export const targetRuleFormSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("seat"),
    office: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^(H[A-Z]{2}\d{2}|S[A-Z]{2}0[123])$/, "Give a CWC office code such as HVT00 or SVT01."),
  }),
  z.object({
    kind: z.literal("delegation"),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Give a two-letter state code such as VT."),
  }),
  z.object({
    kind: z.literal("committee"),
    committeeId: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{4}(\d{2})?$/, "Give a committee id such as HSAS or HSAS02."),
    role: z.enum(["all", "chair", "ranking", "majority", "minority"], {
      error: "Choose who on the committee.",
    }),
  }),
]);

export async function getTargetEditor(campaignId: number) {
  const campaign = await getCampaignForEdit(campaignId);
  if (!campaign) return null;
  const [rules, today] = await Promise.all([
    listCampaignRules(db(), campaignId),
    campaignTargetSeats(campaignId, null),
  ]);
  return {
    campaign: { id: campaign.id, title: campaign.title },
    rules: rules.map((r) => ({
      id: Number(r.id),
      label:
        r.kind === "seat"
          ? `The seat ${r.office}`
          : r.kind === "delegation"
            ? `The ${r.state} delegation`
            : `Committee ${r.committeeId}: ${COMMITTEE_ROLE_LABELS[r.role]}`,
    })),
    today,
  };
}

export type RuleResult = { ok: true; created: boolean } | { ok: false; fields: Record<string, string> };

export async function addTargetRule(
  actorId: number,
  campaignId: number,
  form: z.infer<typeof targetRuleFormSchema>,
): Promise<RuleResult> {
  if (form.kind === "committee" && !(await findCommittee(db(), await congressAt(), form.committeeId)))
    return { ok: false, fields: { committeeId: `No committee has the id ${form.committeeId}.` } };
  const rule = {
    campaignId,
    kind: form.kind,
    office: form.kind === "seat" ? form.office : null,
    state: form.kind === "delegation" ? form.state : null,
    committeeId: form.kind === "committee" ? form.committeeId : null,
    role: form.kind === "committee" ? form.role : ("all" as const),
  };
  return db()
    .transaction()
    .execute(async (trx) => {
      const created = await insertCampaignRule(trx, rule);
      if (created)
        await insertAuditEntry(trx, {
          organizerId: actorId,
          action: "campaign.target_rule.add",
          subjectType: "campaign",
          subjectId: campaignId,
          details: rule,
        });
      clearTargetRoster();
      return { ok: true, created } as const;
    });
}

export async function removeTargetRule(
  actorId: number,
  campaignId: number,
  ruleId: number,
): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const removed = await deleteCampaignRule(trx, campaignId, ruleId);
      if (removed)
        await insertAuditEntry(trx, {
          organizerId: actorId,
          action: "campaign.target_rule.remove",
          subjectType: "campaign",
          subjectId: campaignId,
          details: { ruleId },
        });
      clearTargetRoster();
      return removed;
    });
}
