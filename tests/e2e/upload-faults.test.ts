import net from "node:net";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "~db/index.server";
import { chunk, rawRequest } from "../support/raw-http";
import { startExtraServer, type ExtraServer } from "../support/extra-server";
import { useServerDatabase } from "../support/server-database";

/**
 * Item 12 of the hardening issue, against a built server of its own run under `ulimit -f 256`:
 * no file it writes can pass 256 kB (EFBIG), as on a full disk.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let server: ExtraServer;

useServerDatabase();
beforeAll(async () => {
  server = await startExtraServer({ fileSizeLimitKb: 256 });
});
afterAll(async () => {
  await server?.stop();
});

const incomingFiles = () => {
  const dir = path.join(server.uploadDir, ".incoming");
  return existsSync(dir) ? readdirSync(dir) : [];
};
const tipsWith = async (marker: string) =>
  (await db().selectFrom("tips").select("id").where("body", "like", `%${marker}%`).execute()).length;

function tipForm(marker: string, fileBytes: number) {
  const body = new FormData();
  body.append("body", `I saw him at Camp 5 in 1954, marker ${marker}. He was thin but walking.`);
  if (fileBytes)
    body.append(
      "attachments",
      new File([new Uint8Array(Buffer.concat([PNG_SIGNATURE, randomBytes(fileBytes)]))], "scan.png", {
        type: "image/png",
      }),
    );
  return body;
}

async function waitFor(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return check();
}

describe("uploads on a failing disk", () => {
  it("a write error during an upload answers 503 with a message, stores nothing, and the process keeps serving", async () => {
    const marker = randomBytes(6).toString("hex");
    const res = await fetch(`${server.baseUrl}/tips/new`, {
      method: "POST",
      body: tipForm(marker, 600_000),
      redirect: "manual",
    });
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/could not be stored on our side/);
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(await tipsWith(marker)).toBe(0);
    expect(incomingFiles()).toEqual([]);
    expect(server.openFiles().uploads).toBe(0);
    // A tip without files still goes through on the same process.
    const small = await fetch(`${server.baseUrl}/tips/new`, {
      method: "POST",
      body: tipForm(`${marker}-ok`, 0),
      redirect: "manual",
    });
    expect(small.status).toBe(302);
    expect(await tipsWith(`${marker}-ok`)).toBe(1);
  });

  it("uploads aborted halfway leave no open file and no temporary file behind", async () => {
    const before = server.openFiles().clientConnections;
    // The count sees a client's connection (so the check at the end can fail).
    const probe = net.connect(server.port, "127.0.0.1");
    await new Promise((r) => probe.once("connect", r));
    expect(await waitFor(() => server.openFiles().clientConnections === before + 1)).toBe(true);
    probe.destroy();
    expect(await waitFor(() => server.openFiles().clientConnections === before)).toBe(true);
    const boundary = "----abort";
    const head = `POST /tips/new HTTP/1.1\nHost: 127.0.0.1\nContent-Type: multipart/form-data; boundary=${boundary}\nContent-Length: 5000000`;
    const preamble = `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nA tip that never arrives in full.\r\n--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="half.png"\r\nContent-Type: image/png\r\n\r\n`;
    const aborted = await Promise.all(
      Array.from({ length: 8 }, () =>
        rawRequest(server.port, head, [preamble, PNG_SIGNATURE, randomBytes(150_000)], { abortAfterMs: 500 }),
      ),
    );
    expect(aborted.every((r) => r.status === null)).toBe(true); // cut off by the client, before any answer
    expect(await waitFor(() => server.openFiles().uploads === 0 && incomingFiles().length === 0)).toBe(true);
    // Every connection the aborted uploads opened is closed (counting the server's own database
    // connections here made this flaky: the pool grows and shrinks on its own on a busy machine).
    expect(await waitFor(() => server.openFiles().clientConnections <= before)).toBe(true);
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it("twenty 50 MB chunked bodies at the sign-in page are cut off at the small limit, not held in memory", async () => {
    const rss = () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) * 1024;
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
    const piece = chunk(Buffer.alloc(64 * 1024, 120));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => {
        let sent = 0;
        return rawRequest(
          server.port,
          "POST /admin/login HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked",
          () => {
            sent += piece.length;
            return sent > 50_000_000 ? null : piece;
          },
        );
      }),
    );
    clearInterval(sampler);
    console.info(
      `sign-in flood: RSS ${Math.round(before / 1e6)} MB before, peak ${Math.round(peak / 1e6)} MB`,
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(413));
    expect(peak - before).toBeLessThan(120_000_000);
    expect(server.alive()).toBe(true);
  });
});
