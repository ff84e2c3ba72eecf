/** The readable summary of bench/results/faults.json. */
export function summaryMarkdown(report: {
  machine: Record<string, unknown>;
  runs: Record<string, unknown>;
}): string {
  const lines = [
    "# Fault runs (`npm run bench:faults`)",
    "",
    `Machine: ${JSON.stringify(report.machine)}`,
    "",
    "| run | result | baseline /healthz req/s | key figures |",
    "|---|---|---|---|",
  ];
  const runs = Object.entries(report.runs).sort(
    ([, a], [, b]) => Number((a as { run: number }).run) - Number((b as { run: number }).run),
  );
  for (const [name, value] of runs) {
    const v = value as Record<string, unknown>;
    const { run, pass, baselineHealthzPerSecond, at, seconds, ...rest } = v;
    const figures = Object.entries(rest)
      .filter(([, x]) => x !== null && typeof x !== "object")
      .map(([k, x]) => `${k}: ${x}`)
      .join("; ");
    lines.push(
      `| ${run} ${name} | ${pass ? "pass" : "FAIL"} | ${baselineHealthzPerSecond ?? "-"} | ${figures}${seconds ? `; took ${seconds} s` : ""} |`,
    );
  }
  lines.push("", "Full figures (latencies by phase, answers by status) are in `faults.json`.", "");
  return lines.join("\n");
}
