import type { StatementPosition } from "~db/schema";
import { POSITION_LABELS } from "~/modules/statements/statements";

export function PositionBadge({ position }: { position: StatementPosition | null }) {
  return (
    <span className={`badge badge--position-${position ?? "none"}`}>
      {position ? POSITION_LABELS[position] : "No verified answer yet"}
    </span>
  );
}
