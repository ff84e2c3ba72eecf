import { writeFileSync } from "node:fs";

/** bench/results/scale.json and scale.md from one scale-out run. */
// biome-ignore lint/suspicious/noExplicitAny: the run's result is plain data written as JSON
export function writeScaleReport(result: any): void {
  writeFileSync("bench/results/scale.json", `${JSON.stringify(result, null, 2)}\n`);
  const s = result.signing;
  const u = result.update;
  const ok = (b: boolean) => (b ? "yes" : "**NO**");
  writeFileSync(
    "bench/results/scale.md",
    `# Scale-out run (${result.date})

${result.topology.web} × \`node server.js web\` behind ${result.topology.balancer}, through ${result.topology.pooler} (${result.topology.poolMode} mode);
${result.topology.workers} × \`node server.js worker\` on PostgreSQL directly; one embedded PostgreSQL; ${result.machine.cpus} CPUs (${result.machine.note}).

| signing through the balancer (${s.seconds} s, ${s.connections} connections), web1 killed with SIGKILL half-way | |
|---|---|
| accepted (202) | ${s.accepted} (${s.acceptedPerSecond}/s), ${s.acceptedAfterKill} of them after the kill |
| answers by status | ${Object.entries(s.statuses)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ")}; socket errors ${s.socketErrors} |
| latency p50 / p99 | ${s.p50} / ${s.p99} ms |
| stored / distinct signers / 202s among them | ${s.stored} / ${s.storedDistinct} / ${s.acceptedStored} |
| counts complete (through the balancer) after the load stopped | ${s.countsCompleteMs} ms |
| confirmations mailed / distinct / all sent after the load stopped | ${s.confirmationsMailed} / ${s.confirmationsUnique} / ${s.confirmationsDrainedMs} ms |

| email update to ${u.recipients} subscribers, the sending worker killed with SIGKILL at 30 % | |
|---|---|
| killed | ${u.killed} (it held the send job: ${u.killedWorkerWasSending}) after ${u.acceptedAtKill} accepted |
| finished by the other worker | ${u.finalStatus}, ${u.finishedAfterKillMs} ms after the kill |
| accepted by the provider / distinct / twice / skipped | ${u.providerAccepted} / ${u.uniqueRecipients} / ${u.mailedTwice} / ${u.skipped} |

Roll-up: ${result.rollup.samples} samples, at most ${result.rollup.maxRunningAtOnce} running at once, ${result.rollup.runs} runs recorded.

Checks: every 202 stored, none twice, the balancer carried on, counts within 5 s, confirmations once each ${ok(s.pass)} · update finished once per recipient ${ok(u.pass)} · roll-up never twice at once ${ok(result.rollup.maxRunningAtOnce <= 1)}
`,
  );
}
