import type { ReactNode } from "react";

/**
 * The state of the Members of Congress data: `children(importedAt)` (where and when it came from) once imported, else
 * how to import it; then whether the Congress it describes has ended (`staleAdvice` says what follows).
 */
export function CongressDataStatus<T>({
  congress,
  staleAdvice,
  children,
}: {
  congress: { importedAt: T | null; stale: boolean; congressEnds: string | null };
  staleAdvice: string;
  children: (importedAt: T) => ReactNode;
}) {
  return (
    <>
      {congress.importedAt ? (
        children(congress.importedAt)
      ) : (
        <p className="warning">
          Members of Congress are not loaded. Run <code>npm run data:import</code>.
        </p>
      )}
      {congress.stale ? (
        <p className="warning">
          This data describes a Congress whose term ended on {congress.congressEnds}
          {staleAdvice}
        </p>
      ) : congress.congressEnds ? (
        <p className="muted">Valid until the current Congress ends on {congress.congressEnds}.</p>
      ) : null}
    </>
  );
}
