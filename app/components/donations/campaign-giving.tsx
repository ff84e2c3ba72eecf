import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { formatUsd } from "~/i18n/format";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { formatCents } from "~/modules/donations/donations";

export interface CampaignGivingData {
  goalCents: number;
  raisedCents: number;
  donorCount: number;
}

/** The campaign page's giving block: money raised toward the goal, donors, and the Give action. */
export function CampaignGiving({
  slug,
  giving,
  live,
}: {
  slug: string;
  giving: CampaignGivingData;
  live: boolean;
}) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const money = (cents: number) => (locale === "en" ? formatCents(cents) : formatUsd(cents, locale));
  const percent =
    giving.goalCents > 0 ? Math.min(100, Math.round((giving.raisedCents / giving.goalCents) * 100)) : 0;
  return (
    <div className="giving-panel" id="giving" lang={locale}>
      {giving.goalCents > 0 ? (
        <div className="progress">
          <div
            className="progress__bar"
            role="progressbar"
            aria-valuenow={giving.raisedCents / 100}
            aria-valuemin={0}
            aria-valuemax={giving.goalCents / 100}
            aria-label={t("give.raisedLabel")}
          >
            <div className="progress__fill" style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : null}
      <p className="giving-panel__total">
        <Trans
          i18nKey="give.raised"
          values={{ raised: money(giving.raisedCents) }}
          components={{ strong: <strong data-testid="raised" /> }}
        />
        {giving.goalCents > 0 ? t("give.ofGoal", { goal: money(giving.goalCents), percent }) : ""}
        {" · "}
        <span data-testid="donors">{t("give.donors", { count: giving.donorCount })}</span>
      </p>
      {live ? (
        <Link className="button" to={lp(`/campaigns/${slug}/donate`)}>
          {t("give.give")}
        </Link>
      ) : null}
    </div>
  );
}
