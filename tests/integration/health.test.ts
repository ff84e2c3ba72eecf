import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { connectDatabase, databaseUrl } from "~db/index.server";
import { createApp } from "~/http.server";

async function get(path: string) {
  const server = createApp({
    routes: {},
    entry: { module: {} },
    assets: { routes: {} },
  } as unknown as ServerBuild).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { status: res.status, body: await res.json() };
  } finally {
    server.close();
  }
}

describe("health checks", () => {
  it("/healthz answers while the process is up; /readyz answers 503 when the database is unreachable", async () => {
    expect(await get("/readyz")).toEqual({ status: 200, body: { status: "ready" } });
    const real = databaseUrl();
    connectDatabase("postgres://nobody:nothing@127.0.0.1:1/none");
    try {
      expect(await get("/healthz")).toEqual({ status: 200, body: { status: "ok" } });
      const ready = await get("/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body.error.code).toBe("database_unreachable");
    } finally {
      connectDatabase(real);
    }
  });
});
