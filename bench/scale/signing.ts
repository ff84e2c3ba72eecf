import autocannon from "autocannon";
import type pg from "pg";
import type { FakeResend } from "../../tests/support/fake-resend";
import type { Fleet } from "./fleet";
import { log, sleep, waitUntil } from "./infra";

const SLUG = "dpaa-director";
const CONNECTIONS = 64;

/**
 * Signing through the balancer for `seconds`; web1 is killed with SIGKILL half-way. Then: every
 * 202 stored, none twice, the counts (through the balancer) complete, every confirmation sent
 * once by the workers.
 */
export async function signThroughBalancer(options: {
  lb: string;
  client: pg.Client;
  fake: FakeResend;
  fleet: Fleet;
  seconds: number;
}) {
  const { lb, client, fake, fleet, seconds } = options;
  const runId = Date.now().toString(36);
  const accepted: string[] = [];
  const statuses: Record<string, number> = {};
  let killedAt = 0;
  let acceptedAfterKill = 0;
  let seq = 0;
  const killer = setTimeout(
    () => {
      killedAt = Date.now();
      log("SIGKILL to web1 mid-load");
      void fleet.web[0]!.kill("SIGKILL");
    },
    (seconds * 1000) / 2,
  );
  const run = await autocannon({
    url: lb,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: `/api/v1/petitions/${SLUG}/signatures`,
        headers: { "content-type": "application/json" },
        setupRequest: (req, context) => {
          const i = seq++;
          context.email = `s${runId}-${i}@d${i % 5000}.example`;
          return {
            ...req,
            body: JSON.stringify({
              firstName: "Scale",
              lastName: "Signer",
              email: context.email,
              zip: "05401",
            }),
          };
        },
        onResponse: (status, _body, context) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 202) {
            accepted.push(String(context.email));
            if (killedAt) acceptedAfterKill++;
          }
        },
      },
    ],
  });
  clearTimeout(killer);
  const loadEnded = Date.now();
  await sleep(2_000); // requests queued in the survivor when autocannon stopped finish
  const q = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0];
  const petition = await q(
    "select p.id from petitions p join campaigns c on c.id = p.campaign_id where c.slug = $1",
    [SLUG],
  );
  const stored = await q(
    "select count(*)::int as n, count(distinct email_canonical)::int as d from signatures where petition_id = $1",
    [petition.id],
  );
  const acceptedStored = (
    await q("select count(*)::int as n from signatures where email_canonical = any($1::text[])", [accepted])
  ).n as number;
  let countsCompleteMs = -1;
  await waitUntil(
    "the counts after signing",
    async () => {
      const r = await (await fetch(`${lb}/api/v1/petitions/${SLUG}`)).json();
      if (r.pendingCount + r.signatureCount !== stored.n) return false;
      countsCompleteMs = Date.now() - loadEnded;
      return true;
    },
    120_000,
  );
  // Confirmations: the workers drain the outbox while signing; every signature mailed once.
  const t0 = Date.now();
  await waitUntil(
    "every confirmation sent",
    async () => {
      const sent = new Set(fake.acceptedRecipients().filter((to) => to.startsWith(`s${runId}-`)));
      return sent.size >= stored.n;
    },
    600_000,
  );
  const confirmationsDrainedMs = Date.now() - loadEnded;
  const mailed = fake.acceptedRecipients().filter((to) => to.startsWith(`s${runId}-`));
  const uniqueMailed = new Set(mailed).size;
  const result = {
    seconds,
    connections: CONNECTIONS,
    accepted: accepted.length,
    acceptedPerSecond: Math.round(accepted.length / seconds),
    acceptedAfterKill,
    statuses,
    socketErrors: run.errors,
    p50: run.latency.p50,
    p99: run.latency.p99,
    stored: stored.n as number,
    storedDistinct: stored.d as number,
    acceptedStored,
    countsCompleteMs,
    confirmationsMailed: mailed.length,
    confirmationsUnique: uniqueMailed,
    confirmationsDrainedMs,
    confirmationWaitMs: Date.now() - t0,
    pass:
      acceptedStored === accepted.length &&
      stored.n === stored.d &&
      acceptedAfterKill > 0 &&
      countsCompleteMs >= 0 &&
      countsCompleteMs <= 5_000 &&
      uniqueMailed === stored.n &&
      mailed.length === stored.n,
  };
  log(`signing: ${JSON.stringify(result)}`);
  return result;
}
