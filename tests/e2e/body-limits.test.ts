import { randomBytes } from "node:crypto";
import { makeOrganizer } from "../factories";
import { baseUrl } from "../support/browser";
import { chunk, rawRequest } from "../support/raw-http";
import { sessionCookieFor } from "../support/route-result";
import { useServerDatabase } from "../support/server-database";

/** Item 6 of the hardening issue: only an organizer's upload forms take large bodies. */

const port = () => Number(new URL(baseUrl()).port);
const MB = 1_000_000;
const form = (bytes: number) => `email=a%40example.org&password=${"x".repeat(bytes)}`;

function multipartWithFile(bytes: number) {
  const boundary = "----limit" + randomBytes(6).toString("hex");
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave\r\n--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    randomBytes(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/** A body that never ends unless the server stops it (64 kB chunks, up to `max` bytes). */
function endlessChunks(max = 200 * MB) {
  const piece = chunk(Buffer.alloc(64 * 1024, 120));
  let sent = 0;
  return () => {
    if (sent >= max) return null;
    sent += 64 * 1024;
    return piece;
  };
}

async function serverAlive() {
  expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
}

describe("body limits", () => {
  useServerDatabase();

  it.each([
    "/admin/login",
    "/admin/forgot",
    "/admin/reset/abc",
    "/admin/invitation/abc",
    "/admin/media/new",
    "/admin/cases/1",
    "/admin/campaigns/new",
  ])("%s refuses a 2 MB body from a signed-out visitor with a readable 413", async (path) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: "POST",
      body: form(2 * MB),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/too large to send.*limit 1 MB/s);
  });

  it("answers a declared 54 MB body with 413 before any of it is sent", async () => {
    for (const path of ["/admin/login", "/admin/media/new", "/tips/new"]) {
      const started = Date.now();
      const res = await rawRequest(
        port(),
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: multipart/form-data; boundary=x\nContent-Length: 54000000`,
      );
      expect(res.status, path).toBe(413);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it("cuts off a chunked body without a length at the limit: 413 page, or the JSON error shape on /api", async () => {
    const page = await rawRequest(
      port(),
      "POST /admin/login HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked",
      endlessChunks(),
    );
    expect(page.status).toBe(413);
    expect(page.text).toMatch(/too large to send/);
    // An API path answers with the error shape: its own 404 if it answers before the body
    // passes the limit, else the 413; never a buffered body or a 5xx.
    const api = await rawRequest(
      port(),
      "POST /api/v1/no-such-endpoint HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nTransfer-Encoding: chunked",
      endlessChunks(),
    );
    expect([404, 413]).toContain(api.status);
    expect(api.text).toMatch(/content-type: application\/json/i);
    expect(/\{"error":\{"code":"([a-z_]+)","message":"[^"]+"/.exec(api.text)?.[1]).toBe(
      api.status === 413 ? "payload_too_large" : "not_found",
    );
    await serverAlive();
  });

  it("the signing API answers an endless chunked body with its own 413 in the error shape before closing", async () => {
    const res = await rawRequest(
      port(),
      "POST /api/v1/petitions/dpaa-director/signatures HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nTransfer-Encoding: chunked",
      endlessChunks(),
    );
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/\{"error":\{"code":"payload_too_large","message":"[^"]+"/);
    await serverAlive();
  });

  it("gives no 5xx to bodies that lie about their length, and keeps serving", async () => {
    // Shorter than said: the rest is read as a next request, which is garbage.
    const shorter = await rawRequest(
      port(),
      "POST /admin/login HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 10",
      [form(2 * MB)],
    );
    expect(shorter.status).not.toBeNull();
    expect(shorter.text).not.toMatch(/HTTP\/1\.1 5\d\d/);
    // Longer than said, then the client gives up.
    const longer = await rawRequest(
      port(),
      "POST /admin/login HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 900000",
      [form(1000)],
      { abortAfterMs: 300 },
    );
    expect(longer.text).not.toMatch(/HTTP\/1\.1 5\d\d/);
    // Both a length and chunked: refused by the HTTP parser.
    const both = await rawRequest(
      port(),
      "POST /admin/login HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 5\nTransfer-Encoding: chunked",
      [chunk("hello"), chunk("")],
    );
    expect(both.status).toBe(400);
    // Says 10 bytes, streams 3 MB of chunks after a lying header: never more than the limit is read.
    const chunkedPastLimit = await rawRequest(
      port(),
      "POST /tips/new HTTP/1.1\nHost: 127.0.0.1\nContent-Type: multipart/form-data; boundary=x\nTransfer-Encoding: chunked",
      endlessChunks(80 * MB),
    );
    expect(chunkedPastLimit.status).toBe(413);
    await serverAlive();
  });

  it("gives the large limit only to a signed-in organizer who may upload, and only on the upload forms", async () => {
    const file = multipartWithFile(3 * MB);
    const send = (path: string, cookie?: string) =>
      fetch(`${baseUrl()}${path}`, {
        method: "POST",
        body: file.body,
        headers: { "Content-Type": file.type, Origin: baseUrl(), ...(cookie ? { Cookie: cookie } : {}) },
        redirect: "manual",
      });
    const editor = await sessionCookieFor((await makeOrganizer("editor")).id);
    const viewer = await sessionCookieFor((await makeOrganizer("viewer")).id);
    const upload = await send("/admin/media/new", editor);
    expect(upload.status).toBe(400); // read to its end and checked: random bytes are not an image
    expect(await upload.text()).toMatch(/not an image/);
    // The same form posted by Remix's client (single fetch) goes to `.data`.
    expect((await send("/admin/media/new.data", editor)).status).not.toBe(413);
    expect((await send("/admin/media/new", viewer)).status).toBe(413);
    expect((await send("/admin/media/new", "session=forged")).status).toBe(413);
    expect((await send("/admin/login", editor)).status).toBe(413);
    expect((await send("/admin/campaigns/new", editor)).status).toBe(413);
    // The public tip form has its own bounded limit: 3 MB is fine (the form answers, no 413).
    expect((await send("/tips/new")).status).not.toBe(413);
  });
});
