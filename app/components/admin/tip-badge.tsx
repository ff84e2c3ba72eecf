import type { TipStatus } from "~db/schema";
import { TIP_STATUS_LABELS } from "~/modules/tips/tips";

export function TipStatusBadge({ status }: { status: TipStatus }) {
  return <span className={`badge tip-status tip-status--${status}`}>{TIP_STATUS_LABELS[status]}</span>;
}
