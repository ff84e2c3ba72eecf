/**
 * Part of bench:sign — "publishing a checkpoint never slows signing", measured in one run: two
 * signing phases of the same length on the same server, while the bench inserts confirmed
 * signatures into another petition (so its transparency log grows at every roll-up run in both):
 *
 *  - off: the last checkpoint was just signed and the cadence (120 s) does not come round, so no
 *    checkpoint is signed during the phase;
 *  - on: every 250 ms the bench marks every log's checkpoint as due, so the roll-up signs one at
 *    every run (about every 2 s, as often as it can).
 *
 * Returns accepted/s, p99 and the checkpoints signed in each phase.
 */
import autocannon from "autocannon";
import type pg from "pg";

const SECONDS = Number(process.env.BENCH_CHECKPOINT_SECONDS ?? 15);

interface Phase {
  mode: "off" | "on";
  seconds: number;
  accepted: number;
  acceptedPerSecond: number;
  p50: number;
  p99: number;
  non202: number;
  checkpointsSigned: number;
  logLinesAppended: number;
}

async function phase(
  base: string,
  client: pg.Client,
  slug: string,
  growPetitionId: number,
  mode: Phase["mode"],
): Promise<Phase> {
  await client.query("update transparency_logs set checkpointed_at = now(), checkpoint_due = false");
  const stats = async () =>
    (
      await client.query(
        "select (select count(*) from transparency_checkpoints)::int as checkpoints, (select count(*) from transparency_log_lines)::int as lines",
      )
    ).rows[0] as { checkpoints: number; lines: number };
  const before = await stats();
  let running = true;
  let g = 0;
  const grow = (async () => {
    while (running) {
      // 400 confirmed signatures every 200 ms into the other petition: its log grows at every run.
      await client.query(
        `with s as (
           insert into supporters (email, email_canonical, first_name, last_name, zip, state, district, confirmed_at)
           select e, e, 'Grow', 'Signer', '05401', 'VT', 0, now()
           from (select 'grow-' || $2 || '-' || $3 || '-' || i || '@grow.example' as e from generate_series(1, 400) i) x
           returning id, email_canonical
         )
         insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name, zip, us_state, district, confirmed_at)
         select $1, s.id, s.email_canonical, 'grow.example', 'confirmed', 'Grow', 'Signer', '05401', 'VT', 0, now() from s`,
        [growPetitionId, mode, g++],
      );
      if (mode === "on") await client.query("update transparency_logs set checkpoint_due = true");
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  let accepted = 0;
  let non202 = 0;
  let seq = 0;
  const run = Date.now().toString(36);
  const result = await autocannon({
    url: base,
    connections: 64,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        path: `/api/v1/petitions/${slug}/signatures`,
        headers: { "content-type": "application/json" },
        setupRequest: (req) => {
          const i = seq++;
          return {
            ...req,
            body: JSON.stringify({
              firstName: "Bench",
              lastName: "Signer",
              email: `c${mode}${run}-${i}@d${i % 5000}.example`,
              zip: "05401",
            }),
          };
        },
        onResponse: (status) => {
          if (status === 202) accepted++;
          else non202++;
        },
      },
    ],
  });
  running = false;
  await grow;
  await new Promise((r) => setTimeout(r, 2500)); // the roll-up's run in progress finishes
  const after = await stats();
  return {
    mode,
    seconds: SECONDS,
    accepted,
    acceptedPerSecond: Math.round(accepted / SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non202,
    checkpointsSigned: after.checkpoints - before.checkpoints,
    logLinesAppended: after.lines - before.lines,
  };
}

export async function compareCheckpoints(
  base: string,
  client: pg.Client,
  slug: string,
  growPetitionId: number,
) {
  const off = await phase(base, client, slug, growPetitionId, "off");
  const on = await phase(base, client, slug, growPetitionId, "on");
  return {
    off,
    on,
    acceptedRatio: Number((on.acceptedPerSecond / Math.max(1, off.acceptedPerSecond)).toFixed(3)),
    p99Ratio: Number((on.p99 / Math.max(1, off.p99)).toFixed(3)),
  };
}
