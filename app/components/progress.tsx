import { Trans } from "react-i18next";
import { formatNumber } from "~/i18n/format";
import { usePageLocale } from "~/i18n/use-locale";

/** A labelled progress bar toward a goal; the number is in the text, not only in the bar. */
export function Progress({ value, goal, label }: { value: number; goal: number; label: string }) {
  const locale = usePageLocale();
  const percent = goal > 0 ? Math.min(100, Math.round((value / goal) * 100)) : 0;
  return (
    // In the page's language, also inside a block that stays in English (a campaign's petition).
    <div className="progress" lang={locale}>
      <div
        className="progress__bar"
        role="progressbar"
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-label={label}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="progress__label">
        <Trans
          i18nKey="sign.progress"
          values={{
            value: formatNumber(value, locale),
            goal: formatNumber(goal, locale),
            label: locale === "en" ? label.toLowerCase() : label,
            percent,
          }}
          components={{ strong: <strong /> }}
        />
      </div>
    </div>
  );
}
