import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { freePort } from "../../db/embedded.server";
import { createFreshDatabase } from "../support/fresh-database";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

/** The process behind `npm start`: embedded PostgreSQL, clean shutdown, data kept, CLI commands. */

const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    LOG_LEVEL: "info",
    HOST: "127.0.0.1",
  };
  delete env.DATABASE_URL;
  return env;
};

function postgresProcessesUsing(dir: string): number {
  const out = spawnSync("pgrep", ["-f", `postgres -D ${dir}`], { encoding: "utf8" });
  return out.stdout.split("\n").filter(Boolean).length;
}

async function startServer(dataDir: string) {
  const port = await freePort();
  // Its own process group, like a terminal's foreground job: Ctrl-C signals every process in it.
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...baseEnv(), PORT: String(port), DATA_DIR: dataDir },
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const deadline = Date.now() + 60_000;
  while (!output.includes("Ready: ")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, output: () => output };
}

async function stop(child: ReturnType<typeof spawn>, signal: NodeJS.Signals = "SIGINT") {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  process.kill(-child.pid!, signal);
  return exited;
}

describe("npm start on the embedded database", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "unreturned-start-"));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts PostgreSQL, seeds, imports Congress data, serves, and stops cleanly on Ctrl-C", async () => {
    const { child, port, output } = await startServer(dataDir);
    expect(output()).toContain("using the embedded PostgreSQL");
    expect(output()).toContain("Loaded the seed content");
    expect(output()).toMatch(/Members of Congress loaded|Members of Congress are not loaded/);
    expect(output()).toContain(`Ready: http://localhost:${port}`);
    expect(output()).toContain("npm run organizer:create");
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(postgresProcessesUsing(path.join(dataDir, "pg"))).toBeGreaterThan(0);
    const code = await stop(child);
    expect(code).toBe(0);
    expect(postgresProcessesUsing(path.join(dataDir, "pg"))).toBe(0);
  });

  it("on a port already taken, says so, exits 1 and leaves no PostgreSQL running", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = mkdtempSync(path.join(tmpdir(), "unreturned-busy-port-"));
    chmodSync(dir, 0o755);
    try {
      const run = spawnSync(process.execPath, ["server.js"], {
        env: { ...baseEnv(), PORT: String(port), DATA_DIR: dir },
        encoding: "utf8",
        timeout: 90_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain(`Port ${port} is already in use`);
      expect(run.stdout + run.stderr).not.toMatch(/Unhandled 'error' event|EADDRINUSE\n\s+at /);
      expect(postgresProcessesUsing(path.join(dir, "pg"))).toBe(0);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("lets the command line create an organizer while the server runs on the same embedded database", async () => {
    const { child, port } = await startServer(dataDir);
    const created = spawnSync(
      process.execPath,
      [
        "server.js",
        "organizer:create",
        "--email",
        "first@example.org",
        "--name",
        "First",
        "--role",
        "owner",
        "--password-stdin",
      ],
      {
        env: { ...baseEnv(), DATA_DIR: dataDir },
        input: "a very long passphrase\n",
        encoding: "utf8",
      },
    );
    expect(created.status, created.stderr).toBe(0);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await stop(child)).toBe(0);
    expect(postgresProcessesUsing(path.join(dataDir, "pg"))).toBe(0);
  });

  it("keeps the data on a second start and does not seed again", async () => {
    const { child, port, output } = await startServer(dataDir);
    expect(output()).not.toContain("Loaded the seed content");
    expect(output()).not.toContain("Applied migrations");
    const api = await (await fetch(`http://127.0.0.1:${port}/api/v1/campaigns`)).json();
    expect(api.campaigns).toHaveLength(3);
    expect(await stop(child, "SIGTERM")).toBe(0);
    expect(postgresProcessesUsing(path.join(dataDir, "pg"))).toBe(0);
  });
});

describe("command-line tasks", () => {
  let fresh: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    fresh = await createFreshDatabase({
      adminUrl: inject("adminUrl"),
      templateDatabase: inject("templateDatabase"),
    });
  });
  afterAll(() => fresh.drop());

  const run = (args: string[], input?: string, extraEnv: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["server.js", ...args], {
      env: { ...baseEnv(), DATABASE_URL: fresh.url, ...extraEnv },
      input,
      encoding: "utf8",
    });

  it("seeds idempotently", async () => {
    expect(run(["seed"]).stdout).toMatch(/Seed: \d+ created, 0 already present/);
    expect(run(["seed"]).stdout).toMatch(/Seed: 0 created, \d+ already present/);
  });

  it("creates an organizer with an argon2id hash from --password-stdin, and refuses a duplicate or a short password", async () => {
    const ok = run(
      [
        "organizer:create",
        "--email",
        "Owner@Example.org",
        "--name",
        "First Owner",
        "--role",
        "owner",
        "--password-stdin",
      ],
      "a very long passphrase\n",
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("Created owner Owner@Example.org");
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    const row = await client.query(
      "select password_hash, role from organizers where lower(email) = 'owner@example.org'",
    );
    await client.end();
    expect(row.rows[0].role).toBe("owner");
    expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const dup = run(
      [
        "organizer:create",
        "--email",
        "owner@example.org",
        "--name",
        "Again",
        "--role",
        "owner",
        "--password-stdin",
      ],
      "a very long passphrase\n",
    );
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain("already exists");
    const short = run(
      ["organizer:create", "--email", "b@example.org", "--name", "B", "--role", "owner", "--password-stdin"],
      "short\n",
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("--password: Passwords must be at least 12 characters.");
  });

  it("fails at boot with a message naming a bad variable", () => {
    const bad = run(["migrate"], undefined, { PORT: "not-a-port" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/PORT: /);
    const prod = run(["migrate"], undefined, { NODE_ENV: "production" });
    expect(prod.status).toBe(1);
    expect(prod.stderr).toContain("SESSION_SECRET: required in production");
  });

  it("imports Congress data from a folder and reports the counts", () => {
    const out = run(["data:import", CONGRESS_SNAPSHOT]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Imported 537 members of Congress/);
  });
});
