import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { env } from "~/env.server";
import { createSlots } from "~/lib/slots";
import type { UploadProblem } from "./upload-problems";

export type AllowedKind = "image" | "pdf";

export interface CheckedFile {
  filename: string;
  contentType: string;
  extension: string;
  data: Buffer;
}

const IMAGE_TYPES: Record<string, { ext: string; out: "jpeg" | "png" | "webp" }> = {
  "image/jpeg": { ext: "jpg", out: "jpeg" },
  "image/png": { ext: "png", out: "png" },
  "image/webp": { ext: "webp", out: "webp" },
  "image/gif": { ext: "png", out: "png" },
};

/** A filename safe to show and to put in Content-Disposition. */
export function safeFilename(name: string, extension: string): string {
  const base =
    name
      .normalize("NFKC")
      .replace(/\.[^.]*$/, "")
      .replace(/[^\p{L}\p{N}_ -]+/gu, "_")
      .trim()
      .slice(0, 80) || "file";
  return `${base}.${extension}`;
}

/** What is left of one request's decoded-pixel allowance (IMAGE_REQUEST_MAX_PIXELS). */
export interface PixelBudget {
  left: number;
}

export function requestPixelBudget(): PixelBudget {
  return { left: env().IMAGE_REQUEST_MAX_PIXELS };
}

// Decoding is the costly part: only IMAGE_CONCURRENCY images are handled at once per process
// (sharp's own counters show it: sharp.counters().process).
const decoding = createSlots(() => env().IMAGE_CONCURRENCY);

const megapixels = (n: number) => `${Math.round(n / 100_000) / 10} megapixels`;

type Refusal = { ok: false; message: string; problem: UploadProblem };
const unreadable = (name: string): Refusal => ({
  ok: false,
  message: `"${name}" could not be read as an image.`,
  problem: { code: "unreadable", name },
});

/** The image's size from its header (nothing is decoded), or a refusal. */
async function checkDimensions(
  data: Buffer,
  name: string,
  budget: PixelBudget | undefined,
): Promise<Refusal | null> {
  let pixels: number;
  try {
    const meta = await sharp(data, { limitInputPixels: false }).metadata();
    pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
    if (!pixels) return unreadable(name);
  } catch {
    return unreadable(name);
  }
  const max = env().IMAGE_MAX_PIXELS;
  if (pixels > max)
    return {
      ok: false,
      message: `"${name}" is ${megapixels(pixels)}; images can be at most ${megapixels(max)}.`,
      problem: { code: "pixels", name, pixels, max },
    };
  if (budget) {
    if (pixels > budget.left) {
      const all = env().IMAGE_REQUEST_MAX_PIXELS;
      return {
        ok: false,
        message: `"${name}" is too large to handle together with the other images (at most ${megapixels(all)} in one form).`,
        problem: { code: "budget", name, max: all },
      };
    }
    budget.left -= pixels;
  }
  return null;
}

/**
 * Checks a file by its content (never its name or declared type) and returns it ready to
 * store: images re-encoded by sharp (which drops EXIF, GPS and other metadata, after applying
 * the orientation), PDFs kept byte for byte (they are only ever served as downloads).
 */
export async function checkFile(
  input: { filename: string; tempPath?: string; data?: Buffer },
  allowed: AllowedKind[],
  options: { maxImageSide?: number; budget?: PixelBudget } = {},
): Promise<{ ok: true; file: CheckedFile } | Refusal> {
  const data = input.data ?? (await readFile(input.tempPath!));
  const detected = await fileTypeFromBuffer(data);
  const what = allowed.includes("pdf")
    ? "an image (JPEG, PNG, WebP, GIF) or a PDF"
    : "an image (JPEG, PNG, WebP, GIF)";
  const wrongType: Refusal = {
    ok: false,
    message: `"${input.filename}" is not ${what}.`,
    problem: { code: "wrongType", name: input.filename },
  };
  if (!detected) return wrongType;
  if (detected.mime === "application/pdf" && allowed.includes("pdf")) {
    return {
      ok: true,
      file: {
        filename: safeFilename(input.filename, "pdf"),
        contentType: "application/pdf",
        extension: "pdf",
        data,
      },
    };
  }
  const image = IMAGE_TYPES[detected.mime];
  if (!image || !allowed.includes("image")) return wrongType;
  return decoding.run(async () => {
    const refused = await checkDimensions(data, input.filename, options.budget);
    if (refused) return refused;
    try {
      return await reencode(data, input.filename, image, options.maxImageSide);
    } catch {
      return unreadable(input.filename);
    }
  });
}

async function reencode(
  data: Buffer,
  filename: string,
  image: { ext: string; out: "jpeg" | "png" | "webp" },
  maxImageSide: number | undefined,
) {
  let pipeline = sharp(data, { failOn: "error", limitInputPixels: env().IMAGE_MAX_PIXELS }).rotate();
  if (maxImageSide)
    pipeline = pipeline.resize({
      width: maxImageSide,
      height: maxImageSide,
      fit: "inside",
      withoutEnlargement: true,
    });
  const out =
    image.out === "jpeg"
      ? await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
      : image.out === "webp"
        ? await pipeline.webp({ quality: 85 }).toBuffer()
        : await pipeline.png().toBuffer();
  return {
    ok: true as const,
    file: {
      filename: safeFilename(filename, image.ext),
      contentType: `image/${image.out}`,
      extension: image.ext,
      data: out,
    },
  };
}

/** A random storage key under a prefix, e.g. `tips/0b8e….jpg`. */
export function randomKey(prefix: string, extension: string): string {
  return `${prefix}/${randomUUID()}.${extension}`;
}

/** A content-addressed key: a changed image gets a new address. */
export function contentKey(prefix: string, data: Buffer, extension: string): string {
  return `${prefix}/${createHash("sha256").update(data).digest("hex").slice(0, 32)}.${extension}`;
}
