import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { inject } from "vitest";
import { startExtraServer, type ExtraServer } from "../support/extra-server";
import { createFreshDatabase } from "../support/fresh-database";
import { E2E_SESSION_SECRET } from "../support/urls";

/** The built server's process kinds and the anonymous response cache (issue 17). */

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? "";

describe("the anonymous response cache (a web process: node server.js web)", () => {
  let server: ExtraServer;
  beforeAll(async () => {
    server = await startExtraServer({ command: "web", env: { RESPONSE_CACHE_SECONDS: "2" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves a campaign page from one render, each answer with its own CSP nonce", async () => {
    const url = `${server.baseUrl}/campaigns/dpaa-director`;
    const first = await fetch(url);
    const second = await fetch(url);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.headers.get("x-response-cache")).toBe("miss");
    expect(second.headers.get("x-response-cache")).toBe("hit");
    const [a, b] = [await first.text(), await second.text()];
    const [nonceA, nonceB] = [
      nonceOf(first.headers.get("content-security-policy")),
      nonceOf(second.headers.get("content-security-policy")),
    ];
    expect(nonceA).not.toBe(nonceB);
    expect(b).toContain(`nonce="${nonceB}"`);
    expect(b).not.toContain(nonceA);
    expect(b.replaceAll(nonceB, "N")).toBe(a.replaceAll(nonceA, "N"));
  });

  it("serves a hit compressed once to a client that takes gzip, still with a nonce of its own", async () => {
    const url = `${server.baseUrl}/cases/richard-desautels`;
    const raw = (headers: Record<string, string>) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
        httpGet(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject),
      );
    await raw({});
    await new Promise((r) => setTimeout(r, 200)); // the copy is compressed just after the first answer
    const plain = await raw({});
    const zipped = await raw({ "accept-encoding": "br;q=1, gzip;q=0.8" });
    const refused = await raw({ "accept-encoding": "gzip;q=0, identity" });
    expect([plain, zipped, refused].map((r) => r.headers["x-response-cache"])).toEqual(["hit", "hit", "hit"]);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    const html = gunzipSync(zipped.body).toString("utf8");
    const nonce = nonceOf(String(zipped.headers["content-security-policy"]));
    const plainNonce = nonceOf(String(plain.headers["content-security-policy"]));
    expect(nonce).not.toBe(plainNonce);
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html.replaceAll(nonce, "N")).toBe(plain.body.toString("utf8").replaceAll(plainNonce, "N"));
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
  });

  it("keys by locale, never answers a session from it, and renders again after the interval", async () => {
    const url = `${server.baseUrl}/`;
    await fetch(url, { headers: { "accept-language": "en-US" } });
    const english = await fetch(url, { headers: { "accept-language": "en-GB,en;q=0.8" } });
    expect(english.headers.get("x-response-cache")).toBe("hit");
    // The English page offers another language by the visitor's browser: each offer is its own copy.
    const korean = await fetch(url, { headers: { "accept-language": "ko-KR,ko;q=0.9" } });
    expect(korean.headers.get("x-response-cache")).toBe("miss");
    const simplified = await fetch(url, { headers: { "accept-language": "zh-CN" } });
    expect(simplified.headers.get("x-response-cache")).toBe("miss");
    const traditional = await fetch(url, { headers: { "accept-language": "zh-TW" } });
    expect(traditional.headers.get("x-response-cache")).toBe("miss");
    const spanish = await fetch(url, { headers: { "accept-language": "es" } }); // offered nothing: English
    expect(spanish.headers.get("x-response-cache")).toBe("hit");
    const organizer = await fetch(url, { headers: { cookie: "session=anything; other=1" } });
    expect(organizer.status).toBe(200);
    expect(organizer.headers.get("x-response-cache")).toBeNull();
    const signing = await fetch(`${server.baseUrl}/campaigns/dpaa-director/sign`);
    expect(signing.headers.get("x-response-cache")).toBeNull();
    await new Promise((r) => setTimeout(r, 2_100));
    const later = await fetch(url, { headers: { "accept-language": "en-US" } });
    expect(later.headers.get("x-response-cache")).toBe("miss");
  });

  it("a surge of concurrent misses costs one render of the count API", async () => {
    const url = `${server.baseUrl}/api/v1/petitions/dpaa-director?surge=1`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(url)));
    const kinds = answers.map((r) => r.headers.get("x-response-cache"));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(kinds.filter((k) => k === "miss")).toHaveLength(1);
    expect(new Set((await Promise.all(answers.map((r) => r.text()))).values()).size).toBe(1);
  });
});

describe("node server.js worker", () => {
  it("runs jobs and answers no HTTP; a web process runs none", async () => {
    // A database of its own: the suite's server runs a worker on the shared one.
    const fresh = await createFreshDatabase({
      adminUrl: inject("adminUrl"),
      templateDatabase: inject("templateDatabase"),
    });
    const databaseUrl = fresh.url;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const web = await startExtraServer({
      command: "web",
      env: { DATABASE_URL: databaseUrl, WORKER: "true" },
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), "unreturned-worker-"));
    try {
      await client.query(
        "select graphile_worker.add_job('prune_login_attempts', '{}'::json, job_key => 'scale-test:worker')",
      );
      await new Promise((r) => setTimeout(r, 2_500));
      const waiting = await client.query(
        "select 1 from graphile_worker.jobs where key = 'scale-test:worker'",
      );
      expect(waiting.rowCount).toBe(1);
      expect(web.output()).not.toContain("Ready: worker");

      const worker = spawn(process.execPath, ["server.js", "worker"], {
        env: {
          ...process.env,
          NODE_ENV: "test",
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          LOG_LEVEL: "info",
          SESSION_SECRET: E2E_SESSION_SECRET,
          PORT: String(web.port),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      worker.stdout.on("data", (c) => (output += c));
      worker.stderr.on("data", (c) => (output += c));
      try {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const left = await client.query(
            "select 1 from graphile_worker.jobs where key = 'scale-test:worker'",
          );
          if (left.rowCount === 0) break;
          if (Date.now() > deadline || worker.exitCode !== null) throw new Error(`job not run:\n${output}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(output).toContain("Ready: worker process");
        // It took no port: the web process still owns its own.
        expect((await fetch(`${web.baseUrl}/healthz`)).status).toBe(200);
      } finally {
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.kill("SIGTERM");
        await exited;
      }
    } finally {
      await web.stop();
      await client.end();
      await fresh.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
