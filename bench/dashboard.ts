/*
 * npm run bench:dashboard — the organizer's dashboard (/admin) at 1,000 and at 1,000,000
 * signatures, on the built server (worker off) and a fresh embedded PostgreSQL:
 *  - the signatures come from the benches' loader (bench/signature-loader.ts), spread over 30 days,
 *    plus letters, calls, gifts, tips, an update's deliveries and one trending IP, so every
 *    section of the page has figures;
 *  - the roll-up job's fold (foldSignatureBatch, the same statement the job runs) folds them;
 *    the transparency log is not appended here (bench:transparency measures that);
 *  - GET /admin as an owner, 3 warm-up and 15 timed requests, for each window (week, day, month);
 *  - the signatures table's scan counters (pg_stat_user_tables) before and after the timed
 *    requests: the page must read no signature row;
 *  - at a million, Playwright screenshots of the page (docs/screenshots/dashboard-1m*.png).
 * Writes bench/results/dashboard.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { chromium } from "playwright-core";
import { openDatabase } from "~db/connect.server";
import { db } from "~db/index.server";
import { freePort } from "~db/embedded.server";
import { runSeed } from "~db/seed/seed.server";
import { overrideEnv } from "~/env.server";
import { createOrganizer } from "~/modules/organizers/organizers.server";
import { createSessionCookie } from "~/modules/organizers/session.server";
import { foldSignatureBatch, lockRollup } from "~/modules/petitions/rollup.queries.server";
import { insertConfirmedSignatures } from "./signature-loader";

const MILLION = Number(process.env.BENCH_LARGE ?? 1_000_000);
const SECRETS = {
  SESSION_SECRET: "bench-session-secret-".padEnd(48, "x"),
  IP_HASH_SECRET: "bench-ip-hash-secret-xx",
};
const log = (m: string) => console.log(`[bench] ${m}`);

async function fold(): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db()
      .transaction()
      .execute(async (trx) => {
        await lockRollup(trx);
        return foldSignatureBatch(trx, 20_000);
      });
    total += n;
    if (n < 20_000) return total;
  }
}

/** Everything else the page shows: letters, calls, gifts, tips, an update, a trending IP. */
async function otherActivity(campaignId: number, petitionId: number) {
  await sql`insert into supporters (email, email_canonical) values ('bench@example.org', 'bench@example.org')`.execute(
    db(),
  );
  const who = sql`(select id from supporters where email = 'bench@example.org')`;
  await sql`
    with s as (
      insert into letter_submissions (token, idempotency_key, campaign_id, supporter_id, first_name, last_name, street, city, state, zip)
      select 'b-' || g, 'b-' || g, ${campaignId}, ${who}, 'W', 'R', '1 Main St', 'Burlington', 'VT', '05401'
      from generate_series(1, 3000) g returning id
    )
    insert into letters (submission_id, campaign_id, supporter_id, position, recipient_kind, recipient_name, recipient_title,
      recipient_address, subject, body, method, sent_at)
    select id, ${campaignId}, ${who}, 0, 'official', 'Secretary of Defense', 'Secretary', array['Pentagon'], 'S', 'B', 'print',
      now() - (id % 720) * interval '1 hour' from s`.execute(db());
  await sql`insert into calls (campaign_id, office_code, outcome, view_nonce, created_at)
    select ${campaignId}, 'HVT00', 'reached_staffer', 'v' || g, now() - (g % 720) * interval '1 hour' from generate_series(1, 800) g`.execute(
    db(),
  );
  await sql`
    with d as (
      insert into donations (form_key, manage_token, campaign_id, frequency, amount_cents, status)
      select 'f' || g, 'm' || g, ${campaignId}, 'one_time', 2500 + (g % 7) * 1000, 'succeeded' from generate_series(1, 120) g
      returning id, amount_cents
    )
    insert into donation_gifts (donation_id, payment_intent_id, amount_cents, paid_at)
    select id, 'pi_' || id, amount_cents, now() - (id % 700) * interval '1 hour' from d`.execute(db());
  const kase = await sql<{ id: number }>`select id from cases order by id limit 1`.execute(db());
  await sql`insert into case_campaigns (case_id, campaign_id) values (${kase.rows[0].id}, ${campaignId}) on conflict do nothing`.execute(
    db(),
  );
  await sql`insert into tips (reference, case_id, body, created_at)
    select 'T-B' || g, ${kase.rows[0].id}, 'A tip.', now() - (g * 37 % 720) * interval '1 hour' from generate_series(1, 25) g`.execute(
    db(),
  );
  const m = await sql<{
    id: number;
  }>`insert into mailings (campaign_id, audience, subject, body_md, status, started_at)
    values (${campaignId}, 'everyone', 'Moscow answered our letter', 'News', 'sent', now() - interval '20 hours') returning id`.execute(
    db(),
  );
  await sql`insert into deliveries (mailing_id, supporter_id, email, batch_no, status, delivered_at, bounced_at, complained_at)
    select ${m.rows[0].id}, id, email, 0, 'sent', case when id % 50 <> 0 then now() end, case when id % 50 = 0 then now() end,
      case when id % 997 = 0 then now() end
    from supporters order by id limit 20000`.execute(db());
  await sql`insert into campaign_opt_outs (supporter_id, campaign_id) select id, ${campaignId} from supporters order by id limit 37`.execute(
    db(),
  );
  await sql`update signatures set ip_hash = 'bench-ip-' || (id % 3), created_at = now() - interval '1 hour' where petition_id = ${petitionId} and id in (select id from signatures order by id desc limit 45)`.execute(
    db(),
  );
}

async function scans() {
  const r = await sql<{ seq: number; idx: number; read: number }>`
    select seq_scan::int as seq, coalesce(idx_scan, 0)::int as idx, (seq_tup_read + coalesce(idx_tup_fetch, 0))::int as read
    from pg_stat_user_tables where relname = 'signatures'`.execute(db());
  return r.rows[0];
}

async function time(url: string, cookie: string) {
  const ms: number[] = [];
  for (let i = 0; i < 18; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200 || res.redirected || !body.includes("<h1>Dashboard</h1>"))
      throw new Error(`${url}: ${res.status} ${res.url}, not the dashboard`);
    if (i >= 3) ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return {
    medianMs: Math.round(ms[Math.floor(ms.length / 2)]),
    p90Ms: Math.round(ms[Math.floor(ms.length * 0.9)]),
    maxMs: Math.round(ms[ms.length - 1]),
  };
}

async function measure(base: string, cookie: string, petitionId: number, signatures: number) {
  await new Promise((r) => setTimeout(r, 11_000)); // let every backend flush its table statistics
  const before = await scans();
  const html = await time(`${base}/admin`, cookie);
  const month = await time(`${base}/admin?window=month`, cookie);
  const day = await time(`${base}/admin?window=day`, cookie);
  await new Promise((r) => setTimeout(r, 11_000));
  const after = await scans();
  // The control: a page known to read signatures (the petition page's trending sources) moves the counters.
  await fetch(`${base}/admin/petitions/${petitionId}`, { headers: { cookie } });
  await new Promise((r) => setTimeout(r, 11_000));
  const control = await scans();
  const result = {
    signatures,
    html,
    monthWindowHtml: month,
    dayWindowHtml: day,
    controlPetitionPageIndexScans: control.idx - after.idx,
    signatureScansDuringRequests: {
      seqScans: after.seq - before.seq,
      indexScans: after.idx - before.idx,
      rowsRead: after.read - before.read,
    },
  };
  log(JSON.stringify(result));
  return result;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-dashboard-"));
  chmodSync(dir, 0o755);
  overrideEnv({ LOG_LEVEL: "warn", ...SECRETS });
  const database = await openDatabase({ dataDir: dir, log: () => undefined, poolSize: 5 });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await runSeed(db());
    const petition = await sql<{ id: number; campaignId: number }>`
      select p.id, p.campaign_id as "campaignId" from petitions p join campaigns c on c.id = p.campaign_id
      where c.slug = 'ask-moscow-beijing'`.execute(db());
    const { id: petitionId, campaignId } = petition.rows[0];
    const organizer = await createOrganizer(
      {
        email: "bench-owner@example.org",
        name: "Bench Owner",
        role: "owner",
        password: "bench password long enough",
      },
      null,
    );
    if (!organizer.ok) throw new Error("could not create the organizer");
    const cookie = (await createSessionCookie(organizer.id, "bench")).split(";")[0];
    if (!process.env.SKIP_BUILD) spawnSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["server.js"], {
      env: {
        ...process.env,
        // "test": the session cookie is not __Host-/Secure, so it works over plain http (bench/letters.ts does the same).
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: database.url,
        DATA_DIR: dir,
        WORKER: "false",
        LOG_LEVEL: "warn",
        APP_URL: base,
        ...SECRETS,
        TRANSPARENCY_SIGNING_KEY: Buffer.from("bench-transparency-key-32-bytes!").toString("base64"),
        ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20000",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    for (let i = 0; i < 600; i++) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const client = new pg.Client({ connectionString: database.url });
    client.on("error", () => undefined); // the database stops before it in `finally`
    await client.connect();
    const run = (text: string, params: unknown[]) => client.query(text, params);
    await insertConfirmedSignatures(run, petitionId, 1, 1000, 720, log);
    await otherActivity(campaignId, petitionId);
    log(`folded ${await fold()}`);
    await sql`analyze`.execute(db());
    const small = await measure(base, cookie, petitionId, 1000);

    const t0 = performance.now();
    await insertConfirmedSignatures(run, petitionId, 1001, MILLION, 720, log);
    const loadedSeconds = Math.round((performance.now() - t0) / 1000);
    const t1 = performance.now();
    log(`folded ${await fold()}`);
    const foldSeconds = Math.round((performance.now() - t1) / 1000);
    await sql`analyze`.execute(db());
    const large = await measure(base, cookie, petitionId, MILLION);

    mkdirSync("docs/screenshots", { recursive: true });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    try {
      for (const [name, width] of [
        ["dashboard-1m", 1280],
        ["dashboard-1m-375", 375],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        await context.addCookies([
          { name: cookie.split("=")[0], value: cookie.slice(cookie.indexOf("=") + 1), url: base },
        ]);
        const page = await context.newPage();
        await page.goto(`${base}/admin`);
        await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor({ timeout: 10_000 });
        await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const result = {
      small,
      large,
      loadedSeconds,
      foldSeconds,
      loadAverage: Number(loadavg()[0].toFixed(1)),
      at: new Date().toISOString(),
    };
    await client.end();
    writeFileSync("bench/results/dashboard.json", `${JSON.stringify(result, null, 2)}\n`);
    log(JSON.stringify(result));
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
