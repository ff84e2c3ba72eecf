import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MediaKind } from "~db/schema";
import { usePageLocale, useLocalePath } from "~/i18n/use-locale";
import type { MediaFields } from "~/modules/media/media";

export interface MediaItemView extends MediaFields {
  imageUrl: string | null;
  imageAlt: string | null;
  caseSlug?: string | null;
  caseName?: string | null;
  /** The language the title and description are in, when not the page's (an untranslated item). */
  textLocale?: string;
}

/** A dignified stand-in while no image is published: a quiet film frame, not a broken image. */
function Placeholder({ kind }: { kind: MediaKind }) {
  const { t } = useTranslation();
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
      <p>{t(`media.placeholder_${kind}`)}</p>
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
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const textLang = item.textLocale && item.textLocale !== locale ? item.textLocale : undefined;
  return (
    <article className="media-item" id={item.slug} aria-labelledby={`${item.slug}-title`}>
      <figure className="media-item__figure">
        {item.imageUrl ? (
          <img src={item.imageUrl} alt={item.imageAlt ?? item.title} loading="lazy" />
        ) : (
          <Placeholder kind={item.kind} />
        )}
        <figcaption className="small muted">
          {t(`media.${item.kind}`)}
          {item.dateText ? (
            <span lang={locale === "en" ? undefined : "en"}>{` · ${item.dateText}`}</span>
          ) : (
            ""
          )}
          {item.source ? (
            <>
              {" · "}
              {t("media.source", { source: "" })}
              <span lang={locale === "en" ? undefined : "en"}>{item.source}</span>
            </>
          ) : (
            ""
          )}
        </figcaption>
      </figure>
      <div className="media-item__text">
        <Heading id={`${item.slug}-title`} className="h3" lang={textLang}>
          {item.title}
        </Heading>
        {textLang ? <p className="translation-note small">{t("site.fallback")}</p> : null}
        <p lang={textLang}>{item.description}</p>
        {item.caseSlug ? (
          <p className="small">
            {t("media.related")} <Link to={lp(`/cases/${item.caseSlug}`)}>{item.caseName}</Link>
          </p>
        ) : null}
        {actions ? (
          <p>
            <Link className="button" to={`${lp("/tips/new")}?media=${item.slug}`}>
              {t("media.recognise")}
              <span className="visually-hidden">{t("media.recogniseIn", { title: item.title })}</span>
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}
