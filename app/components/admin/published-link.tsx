/** Under an editor's heading: the link to the public page, or that the item is not published. */
export function PublishedLink({ href, children }: { href: string | null; children: string }) {
  return href ? (
    <p>
      <a href={href}>{children}</a>
    </p>
  ) : (
    <p className="muted">Not published.</p>
  );
}
