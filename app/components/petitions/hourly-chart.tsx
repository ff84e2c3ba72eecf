import { useTranslation } from "react-i18next";
import { formatNumber } from "~/i18n/format";
import { usePageLocale } from "~/i18n/use-locale";

/** Signatures per hour as an inline SVG bar chart, with a text summary for screen readers. */
export function HourlyChart({
  hourly,
  hours = 168,
  title,
  now,
}: {
  hourly: Array<{ hour: string | Date; n: number }>;
  hours?: number;
  title: string;
  now: number;
}) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const end = Math.floor(now / 3_600_000);
  const start = end - hours + 1;
  const buckets = new Array<number>(hours).fill(0);
  for (const h of hourly) {
    const i = Math.floor(new Date(h.hour).getTime() / 3_600_000) - start;
    if (i >= 0 && i < hours) buckets[i] += h.n;
  }
  const max = Math.max(1, ...buckets);
  const total = buckets.reduce((a, b) => a + b, 0);
  const width = 700;
  const height = 140;
  const bar = width / hours;
  const span = hours === 168 ? t("chart.days7") : t("chart.hours", { count: hours });
  if (total === 0) return <p className="small muted">{t("chart.none", { title, span })}</p>;
  const summary = t("chart.summary", {
    title,
    span,
    total: formatNumber(total, locale),
    max: formatNumber(max, locale),
  });
  return (
    <figure className="petition-chart">
      <svg className="chart" viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={summary}>
        <line x1={0} y1={height} x2={width} y2={height} stroke="#8a8f96" />
        {buckets.map((n, i) =>
          n > 0 ? (
            <rect
              key={i}
              x={i * bar}
              y={height - (n / max) * height}
              width={Math.max(1, bar - 0.5)}
              height={(n / max) * height}
              fill="#a4161a"
            />
          ) : null,
        )}
        <text x={0} y={height + 16} fontSize="12" fill="#4f5863">
          {hours === 168 ? t("chart.start7") : t("chart.startHours", { count: hours })}
        </text>
        <text x={width} y={height + 16} fontSize="12" fill="#4f5863" textAnchor="end">
          {t("chart.now")}
        </text>
        <text x={2} y={12} fontSize="12" fill="#4f5863">
          {t("chart.perHour", { max: formatNumber(max, locale) })}
        </text>
      </svg>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
