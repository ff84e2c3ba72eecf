import type { CampaignStatus, CaseStatus } from "~db/schema";
import { CAMPAIGN_STATUS_LABELS } from "~/modules/campaigns/campaigns";
import { CASE_STATUS_LABELS } from "~/modules/cases/cases";

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <span className={`badge badge--${status}`}>{CAMPAIGN_STATUS_LABELS[status]}</span>;
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge badge--${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}
