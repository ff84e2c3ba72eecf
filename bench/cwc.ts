/*
 * npm run bench:cwc
 *  1. CWC XML for 100,000 stored letters (one office), streamed by the export: time and this
 *     process's peak RSS (VmHWM), budget 60 s and 300 MB.
 *  2. Target resolution for a letter (campaignTargetSeats for a writer's seat): p99, budget 5 ms.
 *  3. Delivery pacing: BENCH_CWC_MESSAGES messages through the delivery job with 4 concurrent
 *     runners against the test CWC server; the achieved rate against CWC_RATE_PER_SECOND (5/s), within 5 %.
 * Starts its own embedded PostgreSQL; writes bench/results/cwc.json.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase } from "~db/connect.server";
import { db } from "~db/index.server";
import { runSeed } from "~db/seed/seed.server";
import { overrideEnv } from "~/env.server";
import { deliverCwc, queueCwcDeliveries } from "~/modules/cwc/cwc-delivery.server";
import { writeCwcExport } from "~/modules/cwc/cwc-export.server";
import { campaignTargetSeats } from "~/modules/legislators/targets.server";
import { importCongresses, startFakeCwc } from "../tests/support/congress-setup";
import { validateCwcXml } from "../tests/support/fake-cwc";

const LETTERS = Number(process.env.BENCH_LETTERS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_CWC_MESSAGES ?? 100);
const RATE = Number(process.env.BENCH_CWC_RATE ?? 5);

function hwmMb(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-cwc-"));
  chmodSync(dir, 0o755);
  overrideEnv({
    LOG_LEVEL: "warn",
    SESSION_SECRET: "bench-session-secret-".padEnd(48, "x"),
    IP_HASH_SECRET: "bench-ip-hash-secret-xx",
  });
  const database = await openDatabase({ dataDir: dir, log: () => undefined, poolSize: 8 });
  let stopFake: () => Promise<void> = async () => undefined;
  const results: Record<string, unknown> = { date: new Date().toISOString(), letters: LETTERS };
  try {
    await runSeed(db());
    await importCongresses(db());
    const campaign = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();

    console.log(`Inserting ${LETTERS.toLocaleString("en-US")} letters to Senator Sanders (SVT01)...`);
    await sql`insert into supporters (email, email_canonical, first_name, last_name) values ('bench@example.org', 'bench@example.org', 'Bench', 'Writer') on conflict do nothing`.execute(
      db(),
    );
    await sql`
      with s as (
        insert into letter_submissions (token, idempotency_key, campaign_id, supporter_id, first_name, last_name, street, city, state, zip, district, prefix, phone, personal_note)
        select 'bench-' || g, 'bench-' || g, ${campaign.id}, (select id from supporters where email = 'bench@example.org'), 'Writer', 'Number ' || g,
          g || ' Main Street', 'Burlington', 'VT', '05401', 0, 'Ms.', '802-555-0100', case when g % 3 = 0 then 'My grandfather served in Korea; letter ' || g || '.' else '' end
        from generate_series(1, ${LETTERS}) g returning id, personal_note
      )
      insert into letters (submission_id, campaign_id, supporter_id, position, recipient_kind, bioguide, recipient_name, recipient_title, recipient_address, state, subject, body, method, sent_at)
      select s.id, ${campaign.id}, (select id from supporters where email = 'bench@example.org'), 0, 'senate', 'S000033', 'Bernard Sanders', 'Senator',
        array['The Honorable Bernard Sanders', 'United States Senate'], 'VT',
        'Name a permanent director to the POW/MIA accounting agency',
        'Dear Senator Sanders,' || chr(10) || chr(10) || repeat('The Defense POW/MIA Accounting Agency needs a permanent director who answers to Congress and to the families. ', 6)
          || case when s.personal_note <> '' then chr(10) || chr(10) || s.personal_note else '' end || chr(10) || chr(10) || 'Sincerely,' || chr(10) || 'Writer' || chr(10) || 'Burlington, VT 05401',
        'contact_form', now() - (s.id || ' seconds')::interval
      from s
    `.execute(db());
    await sql`analyze`.execute(db());

    // 1. XML export
    const before = hwmMb();
    const t0 = performance.now();
    let bytes = 0;
    const exported = await writeCwcExport(
      {
        campaignId: campaign.id,
        office: { chamber: "senate", state: "VT", district: 0, senateClass: 1 },
        day: null,
      },
      (chunk) => {
        bytes += Buffer.byteLength(chunk);
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    results.xml = {
      messages: exported.messages,
      seconds: Math.round(seconds * 10) / 10,
      megabytes: Math.round(bytes / 1e6),
      peakRssMb: hwmMb(),
      rssBeforeMb: before,
      budget: "under 60 s, under 300 MB",
    };
    console.log("XML export:", results.xml);

    // 2. Target resolution per letter
    const seats = (
      await sql<{
        state: string;
        district: number;
      }>`select distinct state, district from zip_districts`.execute(db())
    ).rows;
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const s = seats[i % seats.length];
      const t = performance.now();
      await campaignTargetSeats(campaign.id, { state: s.state, district: s.district });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => Math.round(times[Math.floor(times.length * p)] * 100) / 100;
    results.resolution = { samples: times.length, p50Ms: q(0.5), p99Ms: q(0.99), budget: "p99 under 5 ms" };
    console.log("Target resolution:", results.resolution);

    // 3. Pacing
    const fake = await startFakeCwc(["SVT01", "SVT03"]);
    stopFake = () => fake.stop();
    fake.validate = false; // xmllint-wasm takes ~0.3 s a message here: validate a sample below
    overrideEnv({
      ...fake.settings(),
      CWC_RATE_PER_SECOND: RATE,
    });
    const submissions = await db()
      .selectFrom("letterSubmissions")
      .select("id")
      .orderBy("id")
      .limit(MESSAGES)
      .execute();
    for (const s of submissions) await queueCwcDeliveries(db(), Number(s.id));
    const ids = (await db().selectFrom("cwcDeliveries").select("id").orderBy("id").execute()).map((r) =>
      Number(r.id),
    );
    let next = 0;
    const runner = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        for (;;) {
          const outcome = await deliverCwc(id, 1, 10);
          if (outcome.kind === "done") break;
          await new Promise((r) => setTimeout(r, Math.max(0, outcome.runAt.getTime() - Date.now())));
        }
      }
    };
    await Promise.all([runner(), runner(), runner(), runner()]);
    const at = fake.received.filter((m) => m.status < 300).map((m) => m.at);
    const achieved = (at.length - 1) / ((at[at.length - 1] - at[0]) / 1000);
    results.pacing = {
      messages: at.length,
      configuredPerSecond: RATE,
      achievedPerSecond: Math.round(achieved * 100) / 100,
      deviationPercent: Math.round((Math.abs(achieved - RATE) / RATE) * 1000) / 10,
      sampleValid: (await Promise.all(fake.received.slice(0, 10).map((m) => validateCwcXml(m.xml)))).every(
        (v) => v.valid,
      ),
      budget: "within 5 %",
    };
    console.log("Pacing:", results.pacing);
    writeFileSync("bench/results/cwc.json", `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await stopFake().catch(() => undefined);
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
