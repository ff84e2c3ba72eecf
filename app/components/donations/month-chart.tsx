import { formatCents } from "~/modules/donations/donations";

/** Money raised by month as an inline SVG bar chart (the numbers are also in the table beside it). */
export function MonthChart({
  months,
}: {
  months: Array<{ month: string; raisedCents: number; gifts: number }>;
}) {
  const max = Math.max(1, ...months.map((m) => m.raisedCents));
  const width = 640;
  const height = 200;
  const barArea = height - 40;
  const slot = width / months.length;
  const total = months.reduce((s, m) => s + m.raisedCents, 0);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="month-chart-title">
      <title id="month-chart-title">
        Money raised by month, last {months.length} months: {formatCents(total)} in all
      </title>
      <line x1="0" y1={barArea + 2} x2={width} y2={barArea + 2} stroke="#8a8f96" />
      {months.map((m, i) => {
        const h = Math.round((m.raisedCents / max) * (barArea - 16));
        const x = i * slot + slot * 0.15;
        return (
          <g key={m.month}>
            <rect x={x} y={barArea - h + 2} width={slot * 0.7} height={h} fill="#a4161a">
              <title>{`${m.month}: ${formatCents(m.raisedCents)} from ${m.gifts} gifts`}</title>
            </rect>
            {m.raisedCents > 0 ? (
              <text x={x + slot * 0.35} y={barArea - h - 2} textAnchor="middle" fontSize="11" fill="#1b1f24">
                {formatCents(m.raisedCents)}
              </text>
            ) : null}
            <text x={x + slot * 0.35} y={height - 18} textAnchor="middle" fontSize="11" fill="#4f5863">
              {m.month.slice(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
