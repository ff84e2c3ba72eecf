/**
 * Writes bench/results/summary.md from the JSON results of the benchmarks (bench/results/*.json):
 * each figure with its target and pass or fail, the machine and its same-run bare-INSERT and
 * /healthz baselines. `npm run bench` runs the benchmarks first; `tsx bench/summary.ts` only
 * rewrites the summary. A result file that is missing is listed as not run.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

// biome-ignore lint/suspicious/noExplicitAny: results are plain JSON written by the benchmarks
type Json = any;
const load = (name: string): Json | undefined =>
  existsSync(`bench/results/${name}.json`)
    ? JSON.parse(readFileSync(`bench/results/${name}.json`, "utf8"))
    : undefined;

interface Row {
  figure: string;
  value: string;
  target: string;
  pass: boolean | null;
  source: string;
}

const n = (v: number) => Math.round(v).toLocaleString("en-US");

function signRows(sign: Json): Row[] {
  if (!sign)
    return [{ figure: "signing, reads", value: "not run", target: "", pass: null, source: "bench:sign" }];
  const s = sign.signing;
  const src = `bench:sign (${sign.date.slice(0, 16)})`;
  const rows: Row[] = [
    {
      figure: `signatures accepted, ${s.seconds} s at ${s.connections} connections, worker sending confirmations`,
      value: `${n(s.acceptedPerSecond)}/s (${((s.acceptedPerSecond / sign.baselineInsertsPerSecond) * 100).toFixed(1)}% of bare INSERTs)`,
      target: "≥ 2,000/s",
      pass: s.acceptedPerSecond >= 2000,
      source: src,
    },
    { figure: "signing p99", value: `${s.p99} ms`, target: "< 250 ms", pass: s.p99 < 250, source: src },
    {
      figure: "every 202 stored, none twice, no 5xx",
      value: `${n(s.acceptedStored)} of ${n(s.accepted)} stored; ${s.serverErrors} 5xx`,
      target: "all",
      pass: s.acceptedStored === s.accepted && s.serverErrors === 0,
      source: src,
    },
    {
      figure: "counts complete after the load stopped",
      value: `${n(sign.rollupLagAfterLoadMs)} ms (includes a 3 s wait for queued requests)`,
      target: "≤ 5,000 ms",
      pass: sign.rollupLagAfterLoadMs <= 5000,
      source: src,
    },
  ];
  const c = sign.checkpoints;
  if (c)
    rows.push({
      figure: `signing while a log grows, checkpoints off → on (${c.off.seconds} s each, same run; ${c.off.checkpointsSigned} → ${c.on.checkpointsSigned} checkpoints signed)`,
      value: `${n(c.off.acceptedPerSecond)}/s p99 ${c.off.p99} ms → ${n(c.on.acceptedPerSecond)}/s p99 ${c.on.p99} ms (accepted ×${c.acceptedRatio})`,
      target: "not slower (≥ 0.9×, within this machine's run-to-run noise)",
      pass: c.acceptedRatio >= 0.9,
      source: src,
    });
  for (const r of sign.reads ?? []) {
    const t = r.target;
    const large = sign.million?.signatures ? n(sign.million.signatures) : "1M";
    const value = `${n(r.at1k.requestsPerSecond)}/s p99 ${r.at1k.p99} ms at 1k · ${n(r.at1M.requestsPerSecond)}/s p99 ${r.at1M.p99} ms at ${large} (ratio ${r.ratio})`;
    const meets = (m: Json) => !t || (m.requestsPerSecond >= t.rps && (t.p99 === undefined || m.p99 < t.p99));
    rows.push({
      figure: `GET ${r.path}${t ? "" : " (baseline: no work)"}`,
      value,
      target: t ? `≥ ${n(t.rps)}/s${t.p99 ? `, p99 < ${t.p99} ms` : ""}, within 10%` : "reference",
      pass: t ? meets(r.at1k) && meets(r.at1M) && r.ratio >= 0.9 : null,
      source: src,
    });
  }
  return rows;
}

function otherRows(): Row[] {
  const rows: Row[] = [];
  const scale = load("scale");
  rows.push(
    scale
      ? {
          figure: "scale-out: 2 web (HAProxy, PgBouncer) + 2 workers, SIGKILL of a web and of a worker",
          value: `${n(scale.signing.acceptedPerSecond)}/s signing; ${scale.signing.acceptedStored}/${scale.signing.accepted} 202s stored; update ${scale.update.uniqueRecipients}/${scale.update.recipients} once each; roll-up max ${scale.rollup.maxRunningAtOnce} at once`,
          target: "exact counts",
          pass: scale.pass,
          source: `bench:scale (${scale.date.slice(0, 16)})`,
        }
      : { figure: "scale-out", value: "not run", target: "", pass: null, source: "bench:scale" },
  );
  const mail = load("mail");
  if (mail)
    rows.push({
      figure: `email update fan-out, ${n(mail.setup.recipients)} recipients`,
      value: `${n(mail.results.recipientsPerSecond)} recipients/s`,
      target: `≥ ${n(mail.target.recipientsPerSecond)}/s`,
      pass: mail.target.met,
      source: `bench:mail (${mail.date.slice(0, 16)})`,
    });
  const kill = load("mail-kill-resume");
  if (kill)
    rows.push({
      figure: `update, server killed at 30 % (${n(kill.recipients)} recipients)`,
      value: `${kill.uniqueRecipients} once, ${kill.mailedTwice} twice, ${kill.skipped} skipped`,
      target: "each once",
      pass: kill.pass,
      source: `bench:mail-kill (${kill.date.slice(0, 16)})`,
    });
  const letters = load("letters");
  if (letters)
    rows.push({
      figure: "district lookup API / 100,000-letter packet",
      value: `${n(letters.api.rps)}/s p99 ${letters.api.latencyMs.p99} ms / ${letters.packet.seconds} s`,
      target: `p99 ≤ ${letters.targets.apiP99Ms} ms / ≤ ${letters.targets.packetSeconds} s`,
      pass:
        letters.api.latencyMs.p99 <= letters.targets.apiP99Ms &&
        letters.packet.seconds <= letters.targets.packetSeconds,
      source: `bench:letters (${letters.date.slice(0, 16)})`,
    });
  const faults = load("faults");
  if (faults)
    for (const [name, run] of Object.entries<Json>(faults.runs ?? {}))
      rows.push({
        figure: `fault run: ${name}`,
        value: run.pass ? "passed" : "failed",
        target: "pass",
        pass: !!run.pass,
        source: "bench:faults",
      });
  return rows;
}

export function writeSummary(): boolean {
  const sign = load("sign");
  const rows = [...signRows(sign), ...otherRows()];
  const mark = (p: boolean | null) => (p === null ? "–" : p ? "pass" : "**FAIL**");
  const failed = rows.filter((r) => r.pass === false);
  const machine = sign?.machine ?? { cpus: cpus().length, model: cpus()[0]?.model };
  const healthz = sign?.reads?.find((r: Json) => r.path === "/healthz");
  const md = `# Benchmark summary

Written by \`npm run bench\` (bench/summary.ts) on ${new Date().toISOString().slice(0, 16)} UTC. How to read it: bench/README.md.

**Machine:** ${machine.cpus} × ${machine.model ?? cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GB; ${machine.note ?? ""}${machine.loadAverageAtEnd ? ` Load average at the end of the signing run: ${machine.loadAverageAtEnd.join(" / ")}.` : ""}

**Same-run baselines:** bare single-row INSERTs through pg at 64 clients: ${sign ? `${n(sign.baselineInsertsPerSecond)}/s` : "not run"}; GET /healthz (no database): ${healthz ? `${n(healthz.at1k.requestsPerSecond)}/s` : "not run"}. Compare a figure with these before comparing it with another machine's.

| figure | value | target | result | from |
|---|---|---|---|---|
${rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${mark(r.pass)} | ${r.source} |`).join("\n")}

${failed.length ? `**${failed.length} target(s) not met on this run.** See "Shortfalls" below.` : "Every target met."}
`;
  const path = "bench/results/summary.md";
  const notes = existsSync("bench/results/shortfalls.md")
    ? `\n${readFileSync("bench/results/shortfalls.md", "utf8")}`
    : "";
  writeFileSync(path, md + notes);
  return failed.length === 0;
}

if (process.argv[1]?.endsWith("summary.ts")) writeSummary();
