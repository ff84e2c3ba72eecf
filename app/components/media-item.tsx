import { Link } from "@remix-run/react";
import type { MediaKind } from "~db/schema";
import { MEDIA_KIND_LABELS, type MediaFields } from "~/modules/media/media";

export interface MediaItemView extends MediaFields {
  imageUrl: string | null;
  imageAlt: string | null;
  caseSlug?: string | null;
  caseName?: string | null;
}

/** A dignified stand-in while no image is published: a quiet film frame, not a broken image. */
function Placeholder({ kind }: { kind: MediaKind }) {
  return (
    <div className="media-placeholder">
      <svg viewBox="0 0 120 80" width="120" height="80" aria-hidden="true" focusable="false">
        <rect x="2" y="2" width="116" height="76" rx="4" fill="none" stroke="currentColor" strokeWidth="3" />
        {[10, 26, 42, 58, 74, 90, 106].map((x) => (
          <rect key={x} x={x - 4} y="7" width="8" height="6" fill="currentColor" />
        ))}
        {[10, 26, 42, 58, 74, 90, 106].map((x) => (
          <rect key={`b${x}`} x={x - 4} y="67" width="8" height="6" fill="currentColor" />
        ))}
        <circle cx="60" cy="36" r="10" fill="none" stroke="currentColor" strokeWidth="3" />
        <path d="M40 60c4-10 12-14 20-14s16 4 20 14" fill="none" stroke="currentColor" strokeWidth="3" />
      </svg>
      <p>
        {kind === "film_still" ? "Stills from this film" : "This photograph"} will be shown here once
        published. The description below says what it shows.
      </p>
    </div>
  );
}

/** One help-identify item with its "I recognise someone" button. */
export function MediaItem({
  item,
  headingLevel = 2,
  actions = true,
}: {
  item: MediaItemView;
  headingLevel?: 2 | 3;
  actions?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="media-item" id={item.slug} aria-labelledby={`${item.slug}-title`}>
      <figure className="media-item__figure">
        {item.imageUrl ? (
          <img src={item.imageUrl} alt={item.imageAlt ?? item.title} loading="lazy" />
        ) : (
          <Placeholder kind={item.kind} />
        )}
        <figcaption className="small muted">
          {MEDIA_KIND_LABELS[item.kind]}
          {item.dateText ? ` · ${item.dateText}` : ""}
          {item.source ? ` · Source: ${item.source}` : ""}
        </figcaption>
      </figure>
      <div className="media-item__text">
        <Heading id={`${item.slug}-title`} className="h3">
          {item.title}
        </Heading>
        <p>{item.description}</p>
        {item.caseSlug ? (
          <p className="small">
            Related case file: <Link to={`/cases/${item.caseSlug}`}>{item.caseName}</Link>
          </p>
        ) : null}
        {actions ? (
          <p>
            <Link className="button" to={`/tips/new?media=${item.slug}`}>
              I recognise someone<span className="visually-hidden"> in “{item.title}”</span>
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}
