import net from "node:net";

export interface RawResponse {
  /** The status of the first response line, or null when none arrived. */
  status: number | null;
  text: string;
  /** How the connection ended: closed by the server, or reset. */
  ended: "closed" | "reset" | "timeout";
}

/**
 * Sends bytes over a plain socket, for requests `fetch` will not make: bodies that lie about
 * their length, chunked bodies without a length, bodies cut off halfway. `body` is written
 * piece by piece (a function is called until it returns null, or until the server answers).
 * With `abortAfterMs` the client resets the connection itself after that long.
 */
export function rawRequest(
  port: number,
  head: string,
  body: Array<Buffer | string> | (() => Buffer | string | null) = [],
  options: { timeoutMs?: number; abortAfterMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (ended: RawResponse["ended"]) => {
      if (done) return;
      done = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text, ended });
    };
    socket.on("data", (c) => chunks.push(c));
    socket.on("close", () => finish("closed"));
    socket.on("error", () => finish("reset"));
    setTimeout(() => finish("timeout"), options.timeoutMs ?? 15_000).unref();
    if (options.abortAfterMs !== undefined)
      setTimeout(() => socket.resetAndDestroy(), options.abortAfterMs).unref();
    socket.on("connect", () => {
      socket.write(head.replace(/\n/g, "\r\n") + "\r\n\r\n");
      const pieces = Array.isArray(body) ? [...body] : null;
      const next = () => (pieces ? (pieces.shift() ?? null) : (body as () => Buffer | string | null)());
      const pump = () => {
        while (!done && chunks.length === 0 && !socket.destroyed) {
          const piece = next();
          if (piece === null) return;
          if (!socket.write(piece)) return void socket.once("drain", pump);
        }
      };
      pump();
    });
  });
}

/** One chunk of a chunked body (`size\r\ndata\r\n`); an empty one ends the body. */
export function chunk(data: Buffer | string): Buffer {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n")]);
}
