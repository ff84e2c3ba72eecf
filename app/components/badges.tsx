import { useTranslation } from "react-i18next";
import type { CampaignStatus, CaseStatus } from "~db/schema";

/** A campaign's state in the page's language (English text: CAMPAIGN_STATUS_LABELS). */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`campaignStatus.${status}`)}</span>;
}

/** A case file's state in the page's language (English text: CASE_STATUS_LABELS). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`caseStatus.${status}`)}</span>;
}
