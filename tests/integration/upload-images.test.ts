import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { db } from "~db/index.server";
import sharp from "sharp";
import { env, overrideEnv } from "~/env.server";
import { checkFile } from "~/modules/uploads/file-check.server";
import { setFileStore } from "~/modules/uploads/storage.server";
import { action as tipAction } from "~/routes/tips.new";
import { seedContent } from "../factories";
import { makePng } from "../factories/files";
import { callRoute } from "../support/remix";
import { unwrap } from "../support/route-result";

/** Item 12 of the hardening issue: one request must not be able to eat the CPU with images. */

let uploadDir: string;
let ip = 0;
const defaults = {
  IMAGE_MAX_PIXELS: env().IMAGE_MAX_PIXELS,
  IMAGE_REQUEST_MAX_PIXELS: env().IMAGE_REQUEST_MAX_PIXELS,
  IMAGE_CONCURRENCY: env().IMAGE_CONCURRENCY,
};

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), "image-limits-"));
  overrideEnv({ UPLOAD_DIR: uploadDir });
  setFileStore(undefined);
  await seedContent();
});
afterEach(() => {
  overrideEnv(defaults);
});
afterAll(() => {
  setFileStore(undefined);
  rmSync(uploadDir, { recursive: true, force: true });
});

/** A PNG whose header claims `width` x `height` pixels, with almost no image data after it. */
function pngClaiming(width: number, height: number): Buffer {
  const pngChunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

async function sendTip(marker: string, files: Buffer[]) {
  const body = new FormData();
  body.append("body", `Seen near Pyoktong in 1953, marker ${marker}, with others from his unit.`);
  for (const [i, data] of files.entries())
    body.append("attachments", new File([new Uint8Array(data)], `photo-${i}.png`, { type: "image/png" }));
  const request = new Request("http://localhost/tips/new", { method: "POST", body });
  return unwrap(await callRoute(tipAction as never, request, {}, { clientIp: `198.51.100.${200 + ++ip}` }));
}

const stored = async (marker: string) =>
  (await db().selectFrom("tips").select("id").where("body", "like", `%${marker}%`).execute()).length;

describe("image limits on the tip form", () => {
  it("refuses five images whose headers claim 400 megapixels each from the headers alone, fast", async () => {
    const huge = pngClaiming(20_000, 20_000);
    const started = performance.now();
    const res = await sendTip("huge", [huge, huge, huge, huge, huge]);
    const ms = performance.now() - started;
    expect(res.status).toBe(400);
    expect(res.data.fields.attachments).toMatch(
      /"photo-0.png" is 400 megapixels; images can be at most 50 megapixels/,
    );
    expect(ms).toBeLessThan(1500); // nothing was decoded (decoding 2,000 megapixels takes minutes)
    expect(await stored("huge")).toBe(0);
  });

  it("caps the pixels of all images in one request together", async () => {
    overrideEnv({ IMAGE_REQUEST_MAX_PIXELS: 1_500_000 });
    const square = await makePng(1000); // 1 megapixel
    const two = await sendTip("two-squares", [square, square]);
    expect(two.status).toBe(400);
    expect(two.data.fields.attachments).toMatch(
      /"photo-1.png" is too large to handle together with the other images \(at most 1.5 megapixels in one form\)/,
    );
    expect(await stored("two-squares")).toBe(0);
    const one = await sendTip("one-square", [square]);
    expect(one.status).toBe(302);
    expect(await stored("one-square")).toBe(1);
  });

  it("refuses one image over the per-image limit, read from its header", async () => {
    overrideEnv({ IMAGE_MAX_PIXELS: 500_000 });
    const res = await sendTip("over-one", [await makePng(1000)]);
    expect(res.status).toBe(400);
    expect(res.data.fields.attachments).toMatch(/is 1 megapixels; images can be at most 0.5 megapixels/);
  });
});

describe("image work at once", () => {
  /** The most images sharp was working on at the same moment while `work` ran. */
  async function mostAtOnce(work: () => Promise<unknown>) {
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, sharp.counters().process)), 1);
    await work();
    clearInterval(sampler);
    return most;
  }
  const noisy = (seed: number) =>
    sharp({
      create: {
        width: 1200,
        height: 1200,
        channels: 3,
        background: { r: 0, g: 0, b: 0 },
        noise: { type: "gaussian", mean: 100 + seed, sigma: 40 },
      },
    })
      .png()
      .toBuffer();

  it("decodes IMAGE_CONCURRENCY images at a time in the process; the others wait their turn", async () => {
    const images = await Promise.all([1, 2, 3, 4].map(noisy));
    const checkAll = () =>
      Promise.all(images.map((data, i) => checkFile({ filename: `p${i}.png`, data }, ["image"])));
    overrideEnv({ IMAGE_CONCURRENCY: 3 });
    expect(await mostAtOnce(checkAll)).toBeGreaterThanOrEqual(2); // the sampler does see parallel work
    overrideEnv({ IMAGE_CONCURRENCY: 1 });
    let results: Awaited<ReturnType<typeof checkAll>> = [];
    expect(await mostAtOnce(async () => (results = await checkAll()))).toBe(1);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
