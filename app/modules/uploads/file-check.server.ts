import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

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
  const base = name.normalize("NFKC").replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}_ -]+/gu, "_").trim().slice(0, 80) || "file";
  return `${base}.${extension}`;
}

/**
 * Checks a file by its content (never its name or declared type) and returns it ready to
 * store: images re-encoded by sharp (which drops EXIF, GPS and other metadata, after applying
 * the orientation), PDFs kept byte for byte (they are only ever served as downloads).
 */
export async function checkFile(
  input: { filename: string; tempPath?: string; data?: Buffer },
  allowed: AllowedKind[],
  options: { maxImageSide?: number } = {},
): Promise<{ ok: true; file: CheckedFile } | { ok: false; message: string }> {
  const data = input.data ?? (await readFile(input.tempPath!));
  const detected = await fileTypeFromBuffer(data);
  const what = allowed.includes("pdf") ? "an image (JPEG, PNG, WebP, GIF) or a PDF" : "an image (JPEG, PNG, WebP, GIF)";
  if (!detected) return { ok: false, message: `"${input.filename}" is not ${what}.` };
  if (detected.mime === "application/pdf" && allowed.includes("pdf")) {
    return { ok: true, file: { filename: safeFilename(input.filename, "pdf"), contentType: "application/pdf", extension: "pdf", data } };
  }
  const image = IMAGE_TYPES[detected.mime];
  if (!image || !allowed.includes("image")) return { ok: false, message: `"${input.filename}" is not ${what}.` };
  try {
    let pipeline = sharp(data, { failOn: "error", limitInputPixels: 80_000_000 }).rotate();
    if (options.maxImageSide) pipeline = pipeline.resize({ width: options.maxImageSide, height: options.maxImageSide, fit: "inside", withoutEnlargement: true });
    const out =
      image.out === "jpeg" ? await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
      : image.out === "webp" ? await pipeline.webp({ quality: 85 }).toBuffer()
      : await pipeline.png().toBuffer();
    return { ok: true, file: { filename: safeFilename(input.filename, image.ext), contentType: `image/${image.out}`, extension: image.ext, data: out } };
  } catch {
    return { ok: false, message: `"${input.filename}" could not be read as an image.` };
  }
}

/** A random storage key under a prefix, e.g. `tips/0b8e….jpg`. */
export function randomKey(prefix: string, extension: string): string {
  return `${prefix}/${randomUUID()}.${extension}`;
}

/** A content-addressed key (public files are immutable, so they cache forever). */
export function contentKey(prefix: string, data: Buffer, extension: string): string {
  return `${prefix}/${createHash("sha256").update(data).digest("hex").slice(0, 32)}.${extension}`;
}
