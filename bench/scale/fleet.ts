import path from "node:path";
import { freePort } from "../../db/embedded.server";
import { startProc, waitUntil, type Proc } from "./infra";

export interface Fleet {
  webPorts: number[];
  web: Proc[];
  workers: Proc[];
  stop(): Promise<void>;
}

/** Two `node server.js web` (through the pooler) and two `node server.js worker` (direct). */
export async function startFleet(options: {
  dir: string;
  directUrl: string;
  pooledUrl: string;
  appUrl: string;
  resendUrl: string;
}): Promise<Fleet> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    APP_URL: options.appUrl,
    DATA_DIR: options.dir,
    SESSION_SECRET: "s".repeat(40),
    IP_HASH_SECRET: "i".repeat(20),
    ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20000",
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: options.resendUrl,
    RESEND_WEBHOOK_SECRET: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=",
    RATE_LIMIT_ALLOW: "127.0.0.1,::1",
    DATA_IMPORT_DIR: path.resolve("data/congress"),
    LOG_LEVEL: "warn",
  };
  const workerEnv = { ...env, DATABASE_URL: options.directUrl, WORKER_CONCURRENCY: "4" };
  const startWorkerProc = async (i: number) => {
    const proc = startProc(`worker${i + 1}`, process.execPath, ["server.js", "worker"], {
      ...workerEnv,
      LOG_LEVEL: "info",
    });
    await waitUntil(
      `worker${i + 1}`,
      async () => proc.output().includes("Ready: worker process"),
      120_000,
      proc,
    );
    return proc;
  };
  // The first worker migrates, seeds and imports the Congress data; the others find it done.
  const workers = [await startWorkerProc(0)];
  workers.push(await startWorkerProc(1));
  const webPorts = [await freePort(), await freePort()];
  const web = webPorts.map((port, i) =>
    startProc(`web${i + 1}`, process.execPath, ["server.js", "web"], {
      ...env,
      PORT: String(port),
      DATABASE_URL: options.pooledUrl,
      DATABASE_DIRECT_URL: options.directUrl,
      DB_POOL_MAX: "40",
      TRUST_PROXY: "1",
    }),
  );
  for (const [i, proc] of web.entries())
    await waitUntil(
      proc.name,
      async () => (await fetch(`http://127.0.0.1:${webPorts[i]}/readyz`)).ok,
      120_000,
      proc,
    );
  return {
    webPorts,
    web,
    workers,
    async stop() {
      await Promise.all([...web, ...workers].map((p) => p.kill("SIGTERM")));
    },
  };
}
