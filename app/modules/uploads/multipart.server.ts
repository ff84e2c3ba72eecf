import { createWriteStream, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { log } from "~/lib/log.server";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { formatBytes } from "./uploads";
import { incomingDir } from "./storage.server";
import { requireForm } from "~/lib/input.server";
import { NUL_MESSAGE, nulFields } from "~/lib/validation";
import type { UploadProblem } from "./upload-problems";

export interface IncomingFile {
  field: string;
  filename: string;
  declaredType: string;
  /** The part as streamed to a temporary file. */
  tempPath: string;
  bytes: number;
}

export interface ParsedUpload {
  fields: Record<string, string>;
  files: IncomingFile[];
  /** A message per problem found while streaming (too large, too many files, field too long). */
  errors: string[];
  /** The same problems as data, for a page that says them in another language. */
  problems: UploadProblem[];
  /** The upload could not be stored on our side (disk full or unwritable): answer 503. */
  storageFailed: boolean;
  /** Removes every temporary file of this request; call it in a finally block. */
  cleanup: () => Promise<void>;
}

export interface UploadLimits {
  /** Bytes per file; a larger file is read to its end and dropped with a message. */
  maxFileBytes: number;
  maxFiles: number;
  /** Bytes per text field. */
  maxFieldBytes: number;
}

/**
 * Parses a multipart form with Remix's streaming parser. Files stream to temporary files
 * (never whole in memory) and stop being written past `maxFileBytes`; the rest of the part is
 * drained so the other fields still arrive and the form can be shown again with a clear message.
 * A request that is not multipart is read as an ordinary form.
 */
export async function parseUpload(request: Request, limits: UploadLimits): Promise<ParsedUpload> {
  const files: IncomingFile[] = [];
  const temps: string[] = [];
  const errors: string[] = [];
  const problems: UploadProblem[] = [];
  const fields: Record<string, string> = {};
  let storageFailed = false;
  const cleanup = async () => {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  };
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const form = await requireForm(request);
    for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in fields)) fields[k] = v;
    return { fields, files, errors, problems, storageFailed, cleanup };
  }
  let dir: string | null = null;
  try {
    dir = await incomingDir();
  } catch (error) {
    storageFailed = true;
    log.error("upload folder unavailable", { error: String(error) });
  }

  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= limits.maxFieldBytes) chunks.push(chunk);
      }
      if (size > limits.maxFieldBytes) {
        errors.push(`The field "${name}" is too long.`);
        problems.push({ code: "fieldLong" });
        return undefined;
      }
      if (!(name in fields)) fields[name] = Buffer.concat(chunks).toString("utf8");
      return undefined;
    }
    if (!filename) {
      for await (const _ of data) void _; // an empty file input
      return undefined;
    }
    if (files.length >= limits.maxFiles) {
      for await (const _ of data) void _;
      if (!errors.some((e) => e.startsWith("At most"))) {
        errors.push(`At most ${limits.maxFiles} attachments can be sent with one tip.`);
        problems.push({ code: "tooMany", count: limits.maxFiles });
      }
      return undefined;
    }
    if (dir === null || storageFailed) {
      for await (const _ of data) void _;
      return undefined;
    }
    const tempPath = path.join(dir, `${randomBytes(12).toString("hex")}.part`);
    temps.push(tempPath);
    const stored = await streamToFile(data, tempPath, limits.maxFileBytes);
    const { bytes, over } = stored;
    if (stored.writeError) {
      storageFailed = true;
      log.error("upload could not be written", { error: String(stored.writeError) });
      return undefined;
    }
    if (over) {
      errors.push(
        `"${filename}" is ${formatBytes(bytes)}; each file can be at most ${formatBytes(limits.maxFileBytes)}.`,
      );
      problems.push({ code: "tooLarge", name: filename, bytes, max: limits.maxFileBytes });
      return undefined;
    }
    if (bytes === 0) {
      errors.push(`"${filename}" is empty.`);
      problems.push({ code: "empty", name: filename });
      return undefined;
    }
    files.push({ field: name, filename, declaredType: contentType, tempPath, bytes });
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    await cleanup();
    // A body cut off or not multipart at all (the parser's own errors): the sender's fault, a 400.
    if (error instanceof TypeError || (error instanceof Error && /^malformed multipart/i.test(error.message)))
      return {
        fields: {},
        files: [],
        errors: ["The form could not be read. Please send it again."],
        problems: [{ code: "broken" }],
        storageFailed,
        cleanup,
      };
    throw error;
  }
  if (Object.keys(nulFields(fields)).length) {
    errors.push(NUL_MESSAGE);
    problems.push({ code: "nul" });
  }
  if (storageFailed) {
    await cleanup();
    const problem: UploadProblem = { code: "storage" };
    return {
      fields,
      files: [],
      errors: [STORAGE_FAILED_MESSAGE],
      problems: [problem],
      storageFailed,
      cleanup,
    };
  }
  return { fields, files, errors, problems, storageFailed, cleanup };
}

export const STORAGE_FAILED_MESSAGE =
  "Your files could not be stored on our side just now. Nothing was saved: please try again later.";

/**
 * Streams one part to a file, keeping at most `maxBytes`. A write error (disk full, folder
 * unwritable) is returned, not thrown, and the rest of the part is still read so the form's
 * other fields arrive. The file is closed on every outcome, an aborted body included.
 */
async function streamToFile(data: AsyncIterable<Uint8Array>, file: string, maxBytes: number) {
  const out = createWriteStream(file, { mode: 0o600 });
  let writeError: Error | null = null;
  out.on("error", (error) => (writeError ??= error));
  let bytes = 0;
  let over = false;
  try {
    for await (const chunk of data) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) over = true;
      if (!over && !writeError && !out.write(chunk)) await drained(out);
    }
  } catch (error) {
    out.destroy();
    throw error;
  }
  if (!writeError) await finished(out);
  else out.destroy();
  return { bytes, over, writeError: writeError as Error | null };
}

function drained(out: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done).off("error", done).off("close", done);
      resolve();
    };
    out.on("drain", done).on("error", done).on("close", done);
  });
}

function finished(out: WriteStream): Promise<void> {
  return new Promise((resolve) => out.end(() => resolve()));
}
