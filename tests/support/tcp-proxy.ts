import net from "node:net";

/**
 * A small TCP proxy in front of PostgreSQL (loopback only), for fault tests and runs: it can
 * delay every chunk from the client to the server (so every query takes at least that long), or
 * go down (drop every connection and refuse new ones as a stopped server would) and come back.
 */
export interface TcpProxy {
  port: number;
  /** Adds `ms` before each chunk is forwarded to PostgreSQL (0: none). */
  setDelay(ms: number): void;
  /** Drops every connection and refuses new ones until `up()`. */
  down(): void;
  up(): void;
  /** Connections currently open through the proxy. */
  open(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let delay = 0;
  let isDown = false;
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  const proxy = net.createServer((client) => {
    if (isDown) return void client.destroy();
    const server = net.connect(target.port, target.host);
    const pair = { client, server };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on("error", end).on("close", end);
    server.on("error", end).on("close", end);
    server.on("data", (chunk) => client.write(chunk));
    // In order, each chunk no earlier than `delay` after it arrived.
    let chain = Promise.resolve();
    client.on("data", (chunk) => {
      if (!delay) {
        chain = chain.then(() => void server.write(chunk));
        return;
      }
      const due = Date.now() + delay;
      chain = chain.then(
        () =>
          new Promise<void>((r) =>
            setTimeout(() => (server.write(chunk), r()), Math.max(0, due - Date.now())),
          ),
      );
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const port = (proxy.address() as net.AddressInfo).port;
  return {
    port,
    setDelay: (ms) => {
      delay = ms;
    },
    down() {
      isDown = true;
      for (const p of pairs) {
        p.client.destroy();
        p.server.destroy();
      }
      pairs.clear();
    },
    up: () => {
      isDown = false;
    },
    open: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of pairs) {
          p.client.destroy();
          p.server.destroy();
        }
        proxy.close(() => resolve());
      }),
  };
}
