import { startTcpProxy } from "../../tests/support/tcp-proxy";
import {
  checkStored,
  ControlledPostgres,
  healthzBaseline,
  load,
  log,
  serverEnv,
  signer,
  sleep,
  startServer,
  summarize,
  type Answer,
} from "./harness";

/** Runs 1, 2 and 6: PostgreSQL stopped, connections terminated, every query slowed. */

const CONNECT_TIMEOUT_MS = 5_000; // the server's DB_CONNECT_TIMEOUT_MS default
const CLIENT_TIMEOUT_MS = 20_000; // an answer slower than this counts as a hang
const CONCURRENCY = 32;

const notAllowed = (answers: Answer[], allowed: number[]) =>
  answers.filter((a) => !allowed.includes(a.status)).length;
const window = (answers: Answer[], from: number, to: number) =>
  answers.filter((a) => a.at >= from && a.at < to);

async function withServer<T>(
  fn: (pg: ControlledPostgres, server: Awaited<ReturnType<typeof startServer>>) => Promise<T>,
  viaUrl?: (pg: ControlledPostgres) => Promise<string>,
) {
  const pg = new ControlledPostgres();
  await pg.start();
  const url = viaUrl ? await viaUrl(pg) : pg.url;
  const server = await startServer((base) => serverEnv(base, url, pg.dir));
  try {
    return await fn(pg, server);
  } finally {
    await server.stop();
    await pg.dispose();
  }
}

/** 1. PostgreSQL stopped for 10 s in the middle of a signing load, then started again. */
export async function postgresStopped() {
  return withServer(async (pg, server) => {
    const baselineHealthzPerSecond = await healthzBaseline(server.base);
    let stop = false;
    const loading = load(signer(server.base, CLIENT_TIMEOUT_MS), CONCURRENCY, () => stop);
    await sleep(8_000);
    const stopAt = Date.now();
    await pg.stop();
    const downAt = Date.now();
    log(`PostgreSQL stopped (took ${downAt - stopAt} ms); down for 10 s`);
    await sleep(10_000);
    const startAt = Date.now();
    await pg.start();
    const upAt = Date.now();
    log(`PostgreSQL started again (took ${upAt - startAt} ms)`);
    await sleep(10_000);
    stop = true;
    const answers = await loading;
    const client = await pg.client();
    const stored = await checkStored(client, answers);
    await client.end();
    const down = window(answers, downAt, startAt);
    const firstAfter = answers
      .filter((a) => a.at >= upAt && a.status === 202)
      .sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
    const recoveredAfterMs = firstAfter ? firstAfter.at + firstAfter.ms - upAt : null;
    const result = {
      baselineHealthzPerSecond,
      concurrency: CONCURRENCY,
      downMs: startAt - downAt,
      all: summarize(answers),
      whileDown: summarize(down),
      whileDownNot503: notAllowed(down, [503]),
      whileDownSlowerThanConnectTimeout: down.filter((a) => a.ms > CONNECT_TIMEOUT_MS + 1000).length,
      codesWhileDown: [...new Set(down.map((a) => a.code))],
      retryAfterWhileDown: [...new Set(down.map((a) => a.retryAfter))],
      unexpected: notAllowed(answers, [202, 503]),
      ...stored,
      recoveredAfterMs,
      serverAlive: server.alive(),
    };
    const pass =
      result.allStoredOnce &&
      result.unexpected === 0 &&
      result.whileDownNot503 === 0 &&
      result.whileDownSlowerThanConnectTimeout === 0 &&
      recoveredAfterMs !== null &&
      result.serverAlive;
    return { pass, ...result };
  });
}

/** 2. Client connections terminated (pg_terminate_backend) in the middle of a signing load. */
export async function connectionsTerminated() {
  return withServer(async (pg, server) => {
    const baselineHealthzPerSecond = await healthzBaseline(server.base);
    const admin = await pg.client();
    let stop = false;
    const loading = load(signer(server.base, CLIENT_TIMEOUT_MS), CONCURRENCY, () => stop);
    await sleep(5_000);
    let terminated = 0;
    const from = Date.now();
    for (let i = 0; i < 10; i++) {
      const r = await admin.query(
        "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
      );
      terminated += r.rows[0].n;
      await sleep(1_000);
    }
    const to = Date.now();
    await sleep(5_000);
    stop = true;
    const answers = await loading;
    const stored = await checkStored(admin, answers);
    await admin.end();
    const after = window(answers, to + 1_000, Date.now());
    const result = {
      baselineHealthzPerSecond,
      concurrency: CONCURRENCY,
      terminatedBackends: terminated,
      terminationRounds: 10,
      all: summarize(answers),
      duringTerminations: summarize(window(answers, from, to)),
      afterwards: summarize(after),
      unexpected: notAllowed(answers, [202, 503]),
      ...stored,
      serverAlive: server.alive(),
    };
    const pass =
      result.serverAlive &&
      result.allStoredOnce &&
      result.unexpected === 0 &&
      terminated > 0 &&
      notAllowed(after, [202]) === 0;
    return { pass, ...result };
  });
}

/** 6. Every query slowed by 200 ms (a delaying TCP proxy in front of PostgreSQL). */
export async function slowQueries() {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined;
  try {
    return await withServer(
      async (pg, server) => {
        const baselineHealthzPerSecond = await healthzBaseline(server.base);
        const page = (path: string) => async () => {
          const res = await fetch(`${server.base}${path}`, {
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          await res.arrayBuffer();
          return { status: res.status };
        };
        const mix = [
          page("/campaigns/dpaa-director"),
          page("/"),
          page("/api/v1/petitions/dpaa-director"),
          page("/cases"),
        ];
        const sign = signer(server.base, CLIENT_TIMEOUT_MS);
        const request = (i: number) => (i % 5 === 4 ? sign(i) : mix[i % 4]());
        const measure = async (seconds: number) => {
          let stop = false;
          let maxOpen = 0;
          let maxBackends = 0;
          const admin = await pg.client();
          const sampler = setInterval(() => {
            maxOpen = Math.max(maxOpen, proxy!.open());
            void admin
              .query("select count(*)::int as n from pg_stat_activity where backend_type = 'client backend'")
              .then(
                (r) => (maxBackends = Math.max(maxBackends, r.rows[0].n - 1)),
                () => undefined,
              );
          }, 250);
          const timer = setTimeout(() => (stop = true), seconds * 1000);
          const answers = await load(request, 64, () => stop);
          clearTimeout(timer);
          clearInterval(sampler);
          await admin.end();
          return {
            answers,
            summary: summarize(answers),
            maxConnectionsThroughProxy: maxOpen,
            maxServerBackends: maxBackends,
          };
        };
        // One request at a time, to show the delay itself (the API read is one query).
        const probe = async () => {
          const ms: number[] = [];
          for (let i = 0; i < 5; i++) {
            const t = Date.now();
            await page("/api/v1/petitions/dpaa-director")();
            ms.push(Date.now() - t);
          }
          return ms.sort((a, b) => a - b)[2];
        };
        const apiReadMedianMsWithoutDelay = await probe();
        const normal = await measure(10);
        proxy!.setDelay(200);
        log("every query now waits 200 ms");
        const apiReadMedianMsWithDelay = await probe();
        const slow = await measure(20);
        proxy!.setDelay(0);
        const client = await pg.client();
        const stored = await checkStored(client, slow.answers);
        await client.end();
        const recovered = await page("/campaigns/dpaa-director")();
        // The web pool (DB_POOL_MAX 20) and the worker's (WORKER_CONCURRENCY 4 + 2) bound the connections.
        const connectionBound = 20 + 6 + 2;
        const result = {
          baselineHealthzPerSecond,
          concurrency: 64,
          delayMs: 200,
          apiReadMedianMsWithoutDelay,
          apiReadMedianMsWithDelay,
          withoutDelay: { ...normal.summary, maxConnectionsThroughProxy: normal.maxConnectionsThroughProxy },
          withDelay: {
            ...slow.summary,
            maxConnectionsThroughProxy: slow.maxConnectionsThroughProxy,
            maxServerBackends: slow.maxServerBackends,
          },
          connectionBound,
          unexpected: notAllowed(slow.answers, [200, 202, 503]),
          hung: slow.answers.filter((a) => a.status === 0).length,
          ...stored,
          afterwardsStatus: recovered.status,
          serverAlive: server.alive(),
        };
        const pass =
          result.serverAlive &&
          apiReadMedianMsWithDelay >= 200 &&
          result.unexpected === 0 &&
          result.hung === 0 &&
          slow.maxConnectionsThroughProxy <= connectionBound &&
          result.allStoredOnce &&
          recovered.status === 200;
        return { pass, ...result };
      },
      async (pg) => {
        proxy = await startTcpProxy({ host: "127.0.0.1", port: pg.port });
        return pg.url.replace(`:${pg.port}/`, `:${proxy.port}/`);
      },
    );
  } finally {
    await proxy?.close();
  }
}
