import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A status line ("Saved.", "Goal saved.") shown when `when` holds, announced politely to screen readers. */
export function Notice({ when, children }: { when: unknown; children: ReactNode }) {
  if (!when) return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

/** The link back up to the list a page belongs to, above its heading. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <p>
      <Link to={to}>{`← ${children}`}</Link>
    </p>
  );
}
