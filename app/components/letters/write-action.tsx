import { Link } from "@remix-run/react";

/** The campaign page's "Write to Congress" action (shown when the campaign has letter templates). */
export function WriteToCongressAction({ slug, enabled }: { slug: string; enabled: boolean }) {
  if (!enabled) return null;
  return (
    <li>
      <Link className="button" to={`/campaigns/${slug}/letter`}>
        Write to Congress
      </Link>
    </li>
  );
}
