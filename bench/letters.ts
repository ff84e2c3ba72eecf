/*
 * npm run bench:letters
 *  1. ZIP lookups through GET /api/v1/districts on the built server (autocannon), p99.
 *  2. A 100,000-letter delivery packet for one office, streamed as PDF: time and the server's
 *     peak RSS (VmHWM from /proc).
 * Starts its own embedded PostgreSQL and `node server.js`; writes bench/results/letters.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "kysely";
import { openDatabase } from "~db/connect.server";
import { db } from "~db/index.server";
import { runSeed } from "~db/seed/seed.server";
import { freePort } from "~db/embedded.server";
import { overrideEnv } from "~/env.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { createOrganizer } from "~/modules/organizers/organizers.server";
import { createSessionCookie } from "~/modules/organizers/session.server";

/** e.g. BENCH_SERVER_NODE_OPTIONS=--max-old-space-size=160 to see whether the packet's memory is live or lazily collected. */
const SERVER_NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS ?? "";
const LETTERS = Number(process.env.BENCH_LETTERS ?? 100_000);
// 4 connections saturate the one web process (11k req/s here); 10 only add queueing (9k req/s, p99 7 ms).
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const upstream = path.resolve("data/congress");

function peakRss(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), hwmMb: Math.round(kb("VmHWM") / 1024) };
}

/** The server's child processes (the packet producer runs as one). */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function safeRss(pid: number): number {
  try {
    return peakRss(pid).rssMb;
  } catch {
    return 0;
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-letters-"));
  chmodSync(dir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  const SECRETS = {
    SESSION_SECRET: "bench-session-secret-".padEnd(48, "x"),
    IP_HASH_SECRET: "bench-ip-hash-secret-xx",
  };
  overrideEnv({ LOG_LEVEL: "warn", ...SECRETS });
  const database = await openDatabase({ dataDir: dir, log: () => undefined, poolSize: 5 });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await runSeed(db());
    await importCongressData(db(), { folder: upstream });
    const zips = (
      await sql<{ zip: string }>`select distinct zip from zip_districts order by zip`.execute(db())
    ).rows.map((r) => r.zip.trim());
    const campaign = await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow();

    console.log(`Inserting ${LETTERS.toLocaleString("en-US")} letters to Senator Sanders...`);
    const t0 = performance.now();
    await sql`insert into supporters (email, email_canonical, first_name, last_name) values ('bench@example.org', 'bench@example.org', 'Bench', 'Writer') on conflict do nothing`.execute(
      db(),
    );
    await sql`
      with s as (
        insert into letter_submissions (token, idempotency_key, campaign_id, supporter_id, first_name, last_name, street, city, state, zip, district)
        select 'bench-' || g, 'bench-' || g, ${campaign.id}, (select id from supporters where email = 'bench@example.org'), 'Writer', 'Number ' || g, g || ' Main Street', 'Burlington', 'VT', '05401', 0
        from generate_series(1, ${LETTERS}) g returning id
      )
      insert into letters (submission_id, campaign_id, supporter_id, position, recipient_kind, bioguide, recipient_name, recipient_title, recipient_address, state, subject, body, method, sent_at)
      select s.id, ${campaign.id}, (select id from supporters where email = 'bench@example.org'), 0, 'senate', 'S000033', 'Bernard Sanders', 'Senator',
        array['The Honorable Bernard Sanders', 'United States Senate', '332 Dirksen Senate Office Building', 'Washington, DC 20510'], 'VT',
        'Name a permanent director to the POW/MIA accounting agency', t.body || case when s.id % 3 = 0 then chr(10) || chr(10) || 'My grandfather served in Korea; letter ' || s.id || '.' else '' end,
        'contact_form', now() - (s.id || ' seconds')::interval
      from s, (select 'Dear Senator Sanders,' || chr(10) || chr(10) || string_agg(p, chr(10) || chr(10)) || chr(10) || chr(10) || 'Sincerely,' || chr(10) || 'A constituent' as body
        from (values ('I am writing as your constituent in Burlington, VT, about the roughly 8,000 Americans still unaccounted for from the Korean War.'),
          ('The Defense POW/MIA Accounting Agency leads the government''s effort to account for them, and it needs a permanent director: one person who answers to Congress and to the families for the agency''s record.'),
          ('Declassified U.S. records and intelligence reports say that some American prisoners were kept after the 1953 armistice, and some named men were confirmed alive in captivity but never came home.'),
          ('I ask you, Senator Sanders, to press the Department of Defense to name a permanent director to the agency, and to require regular, public reporting to Congress and to the families.')) v(p)) t
    `.execute(db());
    await sql`analyze letters`.execute(db());
    console.log(`  done in ${Math.round(performance.now() - t0)} ms`);
    const organizer = await createOrganizer(
      {
        email: "bench-owner@example.org",
        name: "Bench",
        role: "owner",
        password: "bench password long enough",
      },
      null,
    );
    if (!organizer.ok) throw new Error("could not create the organizer");
    const cookie = (await createSessionCookie(organizer.id, "bench")).split(";")[0];

    if (!process.env.SKIP_BUILD) spawnSync("node_modules/.bin/remix", ["build"], { stdio: "ignore" });
    const port = await freePort();
    server = spawn(process.execPath, ["server.js"], {
      env: {
        ...process.env,
        NODE_OPTIONS: SERVER_NODE_OPTIONS,
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: database.url,
        DATA_DIR: dir,
        WORKER: "false",
        LOG_LEVEL: "warn",
        APP_URL: `http://127.0.0.1:${port}`,
        ...SECRETS,
        ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20000",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const pid = server.pid!;
    const idle = peakRss(pid);

    // 2. The 100,000-letter packet, streamed.
    const beforePacket = peakRss(pid);
    let peak = beforePacket.rssMb;
    let producerPeak = 0;
    let totalPeak = beforePacket.rssMb;
    const poll = setInterval(() => {
      const serverRss = safeRss(pid);
      const children = childPids(pid)
        .map(safeRss)
        .reduce((a, b) => a + b, 0);
      peak = Math.max(peak, serverRss);
      producerPeak = Math.max(producerPeak, children);
      totalPeak = Math.max(totalPeak, serverRss + children);
    }, 50);
    const t1 = performance.now();
    const res = await fetch(
      `${base}/admin/letters/packet.pdf?campaign=${campaign.id}&office=bioguide:S000033`,
      { headers: { cookie }, redirect: "manual" },
    );
    let bytes = 0;
    let head = "";
    let tail = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!head) head = Buffer.from(chunk.subarray(0, 8)).toString("latin1");
      bytes += chunk.byteLength;
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.byteLength - 16))).toString("latin1");
    }
    const packetMs = Math.round(performance.now() - t1);
    clearInterval(poll);
    const after = peakRss(pid);
    const packet = {
      letters: LETTERS,
      status: res.status,
      seconds: Math.round(packetMs / 100) / 10,
      bytes,
      megabytes: Math.round(bytes / 1e5) / 10,
      validPdf: head.startsWith("%PDF-") && tail.includes("%%EOF"),
      serverRssMb: {
        idle: idle.rssMb,
        beforePacket: beforePacket.rssMb,
        peakDuringPacket: Math.max(peak, after.rssMb),
        processHighWaterMark: after.hwmMb,
      },
      packetProcessPeakRssMb: producerPeak,
      serverPlusPacketPeakRssMb: totalPeak,
      note: "measured first, on the freshly started server; the packet is drawn in a child process (docs/decisions/008)",
    };
    console.log(
      `Packet: ${packet.letters.toLocaleString("en-US")} letters in ${packet.seconds} s, ${packet.megabytes} MB; packet process peak RSS ${producerPeak} MB; web process ${beforePacket.rssMb} -> peak ${packet.serverRssMb.peakDuringPacket} MB`,
    );

    // 1. ZIP lookups: every ZIP in the data once to warm the per-import cache, then load.
    const sample = zips.filter((_, i) => i % 7 === 0).slice(0, 2000);
    const requests = sample.map((z) => ({ method: "GET" as const, path: `/api/v1/districts?zip=${z}` }));
    await autocannon({ url: base, connections: 4, amount: requests.length, requests });
    console.log(`ZIP lookups: ${CONNECTIONS} connections for ${DURATION} s over ${sample.length} ZIPs...`);
    const lookups = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests });
    const afterApi = peakRss(pid);
    const api = {
      connections: CONNECTIONS,
      durationS: DURATION,
      zips: sample.length,
      requests: lookups.requests.total,
      rps: Math.round(lookups.requests.average),
      latencyMs: {
        p50: lookups.latency.p50,
        p90: lookups.latency.p90,
        p99: lookups.latency.p99,
        max: lookups.latency.max,
      },
      non2xx: lookups.non2xx,
      errors: lookups.errors,
      serverRssMbAfter: afterApi.rssMb,
    };
    console.log(
      `  p99 ${api.latencyMs.p99} ms, p50 ${api.latencyMs.p50} ms, ${api.rps} req/s, non-2xx ${api.non2xx}`,
    );

    const result = {
      date: new Date().toISOString(),
      machine:
        "2-core machine, quiet (nothing else running); autocannon on the same box, saturating the one web process",
      node: process.version,
      serverNodeOptions: SERVER_NODE_OPTIONS || null,
      api,
      packet,
      targets: { apiP99Ms: 5, packetSeconds: 60, packetMemoryMb: 300 },
      pass: {
        apiP99: api.latencyMs.p99 < 5,
        packetTime: packet.seconds < 60,
        packetMemory:
          packet.packetProcessPeakRssMb < 300 &&
          packet.serverRssMb.peakDuringPacket - packet.serverRssMb.beforePacket < 50,
      },
    };
    writeFileSync("bench/results/letters.json", `${JSON.stringify(result, null, 2)}\n`);
    console.log("Wrote bench/results/letters.json");
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
