import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";

/** The campaign page's "Write to Congress" action (shown when the campaign has letter templates). */
export function WriteToCongressAction({ slug, enabled }: { slug: string; enabled: boolean }) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  if (!enabled) return null;
  return (
    <li lang={locale}>
      <Link className="button" to={lp(`/campaigns/${slug}/letter`)}>
        {t("letter.write")}
      </Link>
    </li>
  );
}
