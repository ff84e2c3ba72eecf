import { gunzipSync } from "node:zlib";
import { acceptsGzip, compressBody, cutBody, gzipBody, identityBody } from "./cached-body.server";

const RENDERED = "R3nd3r3dN0nc3AAAAAAAAA==";
const VISITOR = "V1s1t0rN0nc3+/BBBBBBBB==";

async function both(html: string) {
  const body = cutBody(Buffer.from(html), RENDERED);
  const before = identityBody(body, VISITOR);
  await compressBody(body);
  const { deflated } = body;
  if (!deflated) throw new Error("not compressed");
  return { before, identity: identityBody(body, VISITOR), gzip: gzipBody({ ...body, deflated }, VISITOR) };
}

describe("a cached body", () => {
  it("answers with the visitor's nonce wherever the rendered one was, plain and as valid gzip", async () => {
    const page = `<!doctype html><script nonce="${RENDERED}">a()</script><p>Été ${"words ".repeat(3000)}</p><script nonce="${RENDERED}"></script>${RENDERED}`;
    const expected = page.replaceAll(RENDERED, VISITOR);
    const { before, identity, gzip } = await both(`${RENDERED}${page}`);
    expect(before.toString()).toBe(`${VISITOR}${expected}`);
    expect(identity.toString()).toBe(`${VISITOR}${expected}`);
    expect(gunzipSync(gzip).toString()).toBe(`${VISITOR}${expected}`);
    expect(gzip.length).toBeLessThan(Buffer.byteLength(page) / 10);
  });

  it("keeps a body without a nonce as it is", async () => {
    const json = '{"signatureCount":1000}';
    const { identity, gzip } = await both(json);
    expect(identity.toString()).toBe(json);
    expect(gunzipSync(gzip).toString()).toBe(json);
    expect(identityBody(cutBody(Buffer.from(json), ""), VISITOR).toString()).toBe(json);
  });

  it("takes gzip only where Accept-Encoding allows it", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
