import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../db/embedded.server";
import { createFreshDatabase } from "./fresh-database";
import { CONGRESS_SNAPSHOT } from "./congress-snapshot";
import { E2E_SESSION_SECRET } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverDatabaseUrl: string;
    /** The server's stdout and stderr, appended as they come (tests/support/server-log.ts reads it). */
    serverLogFile: string;
  }
}

/**
 * Builds the app once and starts the real server (`node server.js`) on a fresh database with
 * the seed content; end-to-end tests drive it in Chromium.
 */
export default async function setup(project: TestProject) {
  const { adminUrl, templateDatabase } = project.getProvidedContext();
  const fresh = await createFreshDatabase({ adminUrl, templateDatabase });

  if (!process.env.SKIP_BUILD) {
    const built = spawnSync("node_modules/.bin/remix", ["build"], { stdio: "pipe", encoding: "utf8" });
    if (built.status !== 0) throw new Error(`remix build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "unreturned-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: fresh.url,
      DATA_DIR: dataDir,
      DATA_IMPORT_DIR: process.env.DATA_IMPORT_DIR ?? CONGRESS_SNAPSHOT,
      LOG_LEVEL: "warn",
      RESEND_WEBHOOK_SECRET: "whsec_ZTJlLXdlYmhvb2stc2VjcmV0LWZvci10ZXN0cw==",
      SESSION_SECRET: E2E_SESSION_SECRET,
      // A checkpoint a second after a log grows (production's default is every 2 minutes), so a
      // receipt from a signature just confirmed in the browser is covered within the test's wait.
      TRANSPARENCY_CHECKPOINT_SECONDS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const serverLogFile = path.join(dataDir, "server.log");
  writeFileSync(serverLogFile, "");
  const collect = (c: Buffer) => {
    output += c;
    appendFileSync(serverLogFile, c);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(`${baseUrl}/readyz`, child, () => output);

  project.provide("baseUrl", baseUrl);
  project.provide("serverDatabaseUrl", fresh.url);
  project.provide("serverLogFile", serverLogFile);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(null);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    await fresh.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`The server did not become ready:\n${output()}`);
}
