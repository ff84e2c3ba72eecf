import { Link } from "@remix-run/react";
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
  const percent =
    giving.goalCents > 0 ? Math.min(100, Math.round((giving.raisedCents / giving.goalCents) * 100)) : 0;
  return (
    <div className="giving-panel" id="giving">
      {giving.goalCents > 0 ? (
        <div className="progress">
          <div
            className="progress__bar"
            role="progressbar"
            aria-valuenow={giving.raisedCents / 100}
            aria-valuemin={0}
            aria-valuemax={giving.goalCents / 100}
            aria-label="Money raised toward the goal"
          >
            <div className="progress__fill" style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : null}
      <p className="giving-panel__total">
        <strong data-testid="raised">{formatCents(giving.raisedCents)}</strong> raised
        {giving.goalCents > 0 ? ` of ${formatCents(giving.goalCents)} (${percent}%)` : ""}
        {" · "}
        <span data-testid="donors">
          {giving.donorCount.toLocaleString("en-US")} {giving.donorCount === 1 ? "donor" : "donors"}
        </span>
      </p>
      {live ? (
        <Link className="button" to={`/campaigns/${slug}/donate`}>
          Give
        </Link>
      ) : null}
    </div>
  );
}
