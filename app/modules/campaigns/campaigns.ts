import type { CampaignStatus } from "~db/schema";

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "Draft",
  live: "Live",
  closed: "Closed",
  won: "Won",
};

export type CampaignTransition = "publish" | "close" | "reopen" | "mark-won";

const transitions: Record<CampaignTransition, { from: CampaignStatus[]; to: CampaignStatus }> = {
  publish: { from: ["draft"], to: "live" },
  close: { from: ["live"], to: "closed" },
  reopen: { from: ["closed"], to: "live" },
  "mark-won": { from: ["live", "closed"], to: "won" },
};

/** The status a transition leads to, or null when it does not apply to the current status. */
export function nextStatus(current: CampaignStatus, transition: CampaignTransition): CampaignStatus | null {
  const t = transitions[transition];
  return t.from.includes(current) ? t.to : null;
}

export function availableTransitions(current: CampaignStatus): CampaignTransition[] {
  return (Object.keys(transitions) as CampaignTransition[]).filter((t) => nextStatus(current, t));
}

/** Public campaigns are the ones a visitor may read: live, closed or won (not drafts). */
export function isPublic(status: CampaignStatus): boolean {
  return status !== "draft";
}
