import http from "node:http";
import net, { type AddressInfo } from "node:net";
import express from "express";
import { bodyLimit } from "./body-limit.server";

/** The middleware on its own: limits per rule, and a body read late is still read whole. */

async function withApp(run: (url: string) => Promise<void>) {
  const app = express();
  app.use(
    bodyLimit(1000, [
      { path: /^\/big$/, bytes: 5000 },
      { path: /^\/guarded$/, bytes: 5000, allowed: async (req) => req.headers["x-staff"] === "yes" },
    ]),
  );
  app.post("*", async (req, res) => {
    await new Promise((r) => setTimeout(r, 30)); // a handler that reads the body only after an await
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    res.json({ bytes: Buffer.concat(chunks).length });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

const post = (url: string, bytes: number, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body: "x".repeat(bytes), headers });
const streamed = (url: string, bytes: number) =>
  fetch(url, {
    method: "POST",
    body: new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("x".repeat(bytes)));
        c.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

/**
 * Sends `bytes` in 64 kB pieces, a few milliseconds apart (a slow or loaded client), and answers
 * the status and how the sending ended: "sent", or the write error (EPIPE, ECONNRESET) when the
 * server closed while the body was still coming.
 */
function slowPost(url: string, bytes: number): Promise<{ status: number | null; sending: string }> {
  return new Promise((resolve) => {
    let status: number | null = null;
    let sending: string | null = null;
    const done = () => status !== null && sending !== null && resolve({ status, sending });
    const req = http.request(url, { method: "POST", headers: { "Content-Length": String(bytes) } }, (res) => {
      res.resume();
      res.on("end", () => {
        status = res.statusCode ?? 0;
        done();
      });
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      sending = e.code ?? "error";
      status ??= 0;
      done();
    });
    const piece = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const next = () => {
      if (sending !== null) return;
      if (sent >= bytes) {
        req.end(() => {
          sending ??= "sent";
          done();
        });
        return;
      }
      sent += piece.length;
      req.write(piece.subarray(0, Math.min(piece.length, bytes - sent + piece.length)));
      setTimeout(next, 2);
    };
    next();
  });
}

/** Sends a chunked body that never ends, whatever comes back; answers what the server sent. */
function endlessSender(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    const piece = Buffer.concat([Buffer.from("10000\r\n"), Buffer.alloc(0x10000, 120), Buffer.from("\r\n")]);
    const done = () => resolve(Buffer.concat(received).toString("latin1"));
    socket.on("data", (c) => received.push(c));
    socket.on("error", done);
    socket.on("close", done);
    socket.on("connect", () => {
      socket.write("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      const pump = () => {
        while (!socket.destroyed && socket.write(piece));
        if (!socket.destroyed) socket.once("drain", pump);
      };
      pump();
    });
  });
}

describe("bodyLimit", () => {
  it("passes bodies within the limit whole, even to a handler that reads late", async () => {
    await withApp(async (url) => {
      expect(await (await post(`${url}/small`, 999)).json()).toEqual({ bytes: 999 });
      expect(await (await streamed(`${url}/small`, 999)).json()).toEqual({ bytes: 999 });
      expect(await (await post(`${url}/big`, 4000)).json()).toEqual({ bytes: 4000 });
    });
  });

  it("answers 413 to declared and streamed bodies over the limit", async () => {
    await withApp(async (url) => {
      expect((await post(`${url}/small`, 1001)).status).toBe(413);
      expect((await streamed(`${url}/small`, 3000)).status).toBe(413);
      expect((await post(`${url}/big`, 5001)).status).toBe(413);
      const api = await post(`${url}/api/x`, 2000);
      expect(api.status).toBe(413);
      expect((await api.json()).error.code).toBe("payload_too_large");
    });
  });

  it("lets a client still sending read its 413: the rest of the body is read and thrown away", async () => {
    await withApp(async (url) => {
      // Closing with the body unread would reset the connection under a client still writing:
      // its write error (EPIPE, ECONNRESET) can then come before the answer, which is lost.
      const results = await Promise.all(Array.from({ length: 5 }, () => slowPost(`${url}/small`, 2_000_000)));
      expect(results).toEqual(Array(5).fill({ status: 413, sending: "sent" }));
    });
  });

  it("lets a client that never stops sending read its 413: a lingering close, not a reset", async () => {
    await withApp(async (url) => {
      const { port } = new URL(url);
      const answers = await Promise.all(Array.from({ length: 10 }, () => endlessSender(Number(port))));
      expect(answers.map((a) => a.slice(0, 12))).toEqual(Array(10).fill("HTTP/1.1 413"));
    });
  });

  it("never hands a refused body's reader an end, so a cut-off body cannot look whole", async () => {
    let readerSawEnd = false;
    const app = express();
    app.use(bodyLimit(1000));
    app.post("*", (req) => {
      req.on("end", () => (readerSawEnd = true));
      req.resume();
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await streamed(url, 50_000)).status).toBe(413);
      await new Promise((r) => setTimeout(r, 50));
      expect(readerSawEnd).toBe(false);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("gives a guarded rule's larger limit only when it allows", async () => {
    await withApp(async (url) => {
      expect((await post(`${url}/guarded`, 4000)).status).toBe(413);
      expect(await (await post(`${url}/guarded`, 4000, { "x-staff": "yes" })).json()).toEqual({
        bytes: 4000,
      });
    });
  });
});
