import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { freePort } from "../../db/embedded.server";
import { createFreshDatabase } from "../support/fresh-database";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { databaseUrlFor } from "../support/urls";

/*
 * Issue 10 item 1: the built server (`node server.js`, web and worker) on a database of its own,
 * reached through a TCP proxy that can cut it off. Lost connections fail only the requests that
 * used them, with 503 and Retry-After; the process lives and serves again when PostgreSQL is back.
 */

const SLUG = "dpaa-director";
let proxy: TcpProxy;
let server: ChildProcess;
let output = "";
let base: string;
let admin: pg.Client;
let direct: pg.Client;
let directPid: number;
let databaseName: string;
let dataDir: string;
let drop: () => Promise<void>;

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let n = 0;
function signature() {
  n++;
  return {
    firstName: "Fault",
    lastName: "Tester",
    email: `fault-${n}-${Date.now().toString(36)}@d${n}.example`,
    zip: "05401",
  };
}

async function sign(body = signature()) {
  const started = Date.now();
  const res = await fetch(`${base}/api/v1/petitions/${SLUG}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch((e) => {
    throw new Error(`${e} (server exit ${server.exitCode}):\n${output}`);
  });
  return {
    email: body.email,
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    body: await res.json().catch(() => null),
    ms: Date.now() - started,
  };
}

async function storedCount(emails: string[]): Promise<{ rows: number; distinct: number }> {
  const r = await direct.query(
    "select count(*)::int as rows, count(distinct email_canonical)::int as distinct from signatures where email_canonical = any($1::text[])",
    [emails],
  );
  return r.rows[0];
}

beforeAll(async () => {
  const adminUrl = inject("adminUrl");
  const fresh = await createFreshDatabase({ adminUrl, templateDatabase: inject("templateDatabase") });
  drop = fresh.drop;
  databaseName = new URL(fresh.url).pathname.slice(1);
  const target = new URL(adminUrl);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const viaProxy = new URL(fresh.url);
  viaProxy.port = String(proxy.port);
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  admin.on("error", () => undefined);
  direct = new pg.Client({ connectionString: databaseUrlFor(adminUrl, databaseName) });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "unreturned-faults-"));
  server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: viaProxy.toString(),
      DATA_DIR: dataDir,
      DATA_IMPORT_DIR: path.join(dataDir, "no-congress-data"),
      LOG_LEVEL: "warn",
      DB_CONNECT_TIMEOUT_MS: "2000",
      DB_RETRY_AFTER_SECONDS: "3",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (c) => (output += c));
  server.stderr?.on("data", (c) => (output += c));
  await until("the server", async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined), 90_000);
  await direct.connect();
  directPid = (await direct.query("select pg_backend_pid() as pid")).rows[0].pid;
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  await direct?.end().catch(() => undefined);
  await admin?.end().catch(() => undefined);
  await proxy?.close();
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("PostgreSQL faults against the built server", () => {
  it("terminated connections during a signing load fail only their requests, with 503; every 202 is stored once; the process lives", async () => {
    const results: Awaited<ReturnType<typeof sign>>[] = [];
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 12 }, async () => {
        while (!stop) results.push(await sign());
      }),
    );
    await until("some signatures", async () => (results.length > 30 ? true : undefined), 20_000);
    let terminated = 0;
    for (let round = 0; round < 6; round++) {
      const r = await admin.query(
        "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> $2",
        [databaseName, directPid],
      );
      terminated += r.rows[0].n;
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await load;

    expect(terminated).toBeGreaterThan(0);
    expect(server.exitCode).toBeNull();
    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].filter((s) => s !== 202 && s !== 503)).toEqual([]);
    for (const r of results.filter((x) => x.status === 503)) {
      expect(r.body.error.code).toBe("database_unavailable");
      expect(r.retryAfter).toBe("3");
    }
    const accepted = results.filter((r) => r.status === 202).map((r) => r.email);
    expect(accepted.length).toBeGreaterThan(30);
    expect(await storedCount(accepted)).toEqual({ rows: accepted.length, distinct: accepted.length });
    expect((await sign()).status).toBe(202);
    expect(output).not.toMatch(/unhandled request error|Uncaught|request failed|render error/i);
  });

  it("with PostgreSQL unreachable, the API and pages answer 503 quickly; both serve again when it is back, the worker too", async () => {
    proxy.down();
    try {
      const signed = await sign();
      expect(signed.status).toBe(503);
      expect(signed.body).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
      expect(signed.retryAfter).toBe("3");
      expect(signed.ms).toBeLessThan(5_000);

      const api = await fetch(`${base}/api/v1/campaigns`);
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe("database_unavailable");
      expect((await fetch(`${base}/api/v1/petitions/${SLUG}`)).status).toBe(503);
      const districts = await fetch(`${base}/api/v1/districts?zip=05401`);
      expect(districts.status).toBe(503);
      expect((await districts.json()).error.code).toBe("database_unavailable");

      const page = await fetch(`${base}/campaigns/${SLUG}`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("3");
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(await page.text()).toContain("database is not answering");
      // A translated page's 503 is in its language (the address's prefix).
      const korean = await fetch(`${base}/ko/campaigns/${SLUG}`);
      expect(korean.status).toBe(503);
      const koreanHtml = await korean.text();
      expect(koreanHtml).toContain('<html lang="ko"');
      expect(koreanHtml).toContain("데이터베이스가 응답하지 않습니다");

      const data = await fetch(`${base}/campaigns/${SLUG}.data`);
      expect(data.status).toBe(503);
      expect(data.headers.get("retry-after")).toBe("3");

      const form = await fetch(`${base}/campaigns/${SLUG}/sign`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(signature()).toString(),
        redirect: "manual",
      });
      expect(form.status).toBe(503);

      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      proxy.up();
    }

    const back = await until(
      "a 202 after PostgreSQL is back",
      async () => {
        const r = await sign();
        return r.status === 202 ? r : undefined;
      },
      15_000,
    );
    expect((await fetch(`${base}/campaigns/${SLUG}`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // The worker reconnected by itself: the new signature's confirmation email is sent. The
    // sending loop's job failed while PostgreSQL was away, and graphile-worker retries a failed
    // job with exponential backoff (seconds to about a minute, plus its reconnect delay), so
    // this asserts that it recovers on its own, not how fast (bench:faults measures that).
    await until(
      "the confirmation email",
      async () => {
        const r = await direct.query("select status from emails where to_address = $1", [back.email]);
        return r.rows[0]?.status === "sent" ? true : undefined;
      },
      150_000,
    );
    expect(server.exitCode).toBeNull();
    expect(output).not.toMatch(/unhandled request error|Uncaught|request failed|render error/i);
  }, 200_000);
});
