import { useTranslation } from "react-i18next";
import type { CallOutcome, StatementKind, StatementPosition } from "~db/schema";

/** The translation keys of the positions, call outcomes and statement kinds (scorecard and call pages). */
export const POSITION_KEYS: Record<StatementPosition, string> = {
  supports: "scorecardCall.posSupports",
  opposes: "scorecardCall.posOpposes",
  undecided: "scorecardCall.posUndecided",
  mixed: "scorecardCall.posMixed",
  no_response: "scorecardCall.posNoResponse",
};
export const OUTCOME_KEYS: Record<CallOutcome, string> = {
  reached_staffer: "scorecardCall.outReached",
  left_voicemail: "scorecardCall.outVoicemail",
  busy_no_answer: "scorecardCall.outBusy",
  skipped: "scorecardCall.outSkipped",
};

export const KIND_KEYS: Record<StatementKind, string> = {
  letter_reply: "scorecardCall.kindLetterReply",
  public_statement: "scorecardCall.kindPublicStatement",
  vote: "scorecardCall.kindVote",
  cosponsorship: "scorecardCall.kindCosponsorship",
  meeting: "scorecardCall.kindMeeting",
  call_report: "scorecardCall.kindCallReport",
};

export function PositionBadge({ position }: { position: StatementPosition | null }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--position-${position ?? "none"}`}>
      {t(position ? POSITION_KEYS[position] : "scorecardCall.noAnswer")}
    </span>
  );
}
