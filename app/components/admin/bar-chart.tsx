import { useId } from "react";
import { useOrgTimeZone } from "~/components/date-time";

/**
 * A server-rendered bar chart (inline SVG, no script): a <title> and a <desc> that reads every
 * bar's figure, so it works without JavaScript and for screen readers. Scales to its box.
 */
export function BarChart({
  title,
  bars,
  hourly,
  read,
}: {
  title: string;
  bars: Array<{ start: number; value: number }>;
  /** Bars of an hour each (else a day each). */
  hourly: boolean;
  read: (n: number) => string;
}) {
  const id = useId();
  const zone = useOrgTimeZone();
  const when = new Intl.DateTimeFormat(
    "en-US",
    hourly
      ? { timeZone: zone, hour: "numeric", day: "numeric", month: "short" }
      : { timeZone: zone, month: "short", day: "numeric" },
  );
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 300;
  const height = 80;
  const step = width / Math.max(1, bars.length);
  const gap = step > 6 ? 1.5 : 0.5;
  // A day's bar is named by its last hour's date (the last bar is today).
  const label = (start: number) => when.format(hourly ? start : start + 23 * 3_600_000);
  const desc = bars.map((b) => `${label(b.start)}: ${read(b.value)}`).join("; ");
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${width} ${height + 14}`}
      role="img"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <line x1="0" y1={height} x2={width} y2={height} className="bar-chart__axis" />
      {bars.map((b) => {
        const h = b.value === 0 ? 0 : Math.max(1.5, (b.value / max) * (height - 4));
        const i = bars.indexOf(b);
        return (
          <rect
            key={b.start}
            x={i * step + gap / 2}
            y={height - h}
            width={step - gap}
            height={h}
            className="bar-chart__bar"
          />
        );
      })}
      <text x="0" y={height + 12} className="bar-chart__label">
        {label(bars[0]?.start ?? 0)}
      </text>
      <text x={width} y={height + 12} textAnchor="end" className="bar-chart__label">
        {label(bars[bars.length - 1]?.start ?? 0)}
      </text>
    </svg>
  );
}
