import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "~/env.server";

/**
 * Where uploaded files live. Keys are relative, slash-separated names such as
 * `tips/3f9c….jpg`. The local-disk store is the default; an S3-compatible store implements the
 * same three calls (put/get/delete) and can replace it without touching callers.
 */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)+$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
}

/** Files on local disk under a root folder (UPLOAD_DIR), written atomically (temp + rename). */
export function localDiskStore(root: string): FileStore {
  const full = (key: string) => {
    assertKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(key, data) {
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString("hex")}.part`;
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, target);
    },
    async get(key) {
      try {
        return await readFile(full(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(full(key), { force: true });
    },
  };
}

let store: FileStore | undefined;

/** The process's file store. */
export function fileStore(): FileStore {
  store ??= localDiskStore(path.resolve(env().UPLOAD_DIR));
  return store;
}

/** Tests may swap the store (e.g. for one that fails). */
export function setFileStore(next: FileStore | undefined): void {
  store = next;
}

/** A folder for upload parts while a request is parsed (never served). */
export async function incomingDir(): Promise<string> {
  const dir = path.resolve(env().UPLOAD_DIR, ".incoming");
  await mkdir(dir, { recursive: true });
  return dir;
}

const STORAGE_ERRORS = new Set([
  "ENOSPC",
  "EDQUOT",
  "EFBIG",
  "EACCES",
  "EPERM",
  "EROFS",
  "EIO",
  "ENOENT",
  "ENOTDIR",
  "EISDIR",
  "EEXIST",
  "EMFILE",
  "ENFILE",
]);

/** Whether an error is the disk's (full, read-only, unwritable), not the request's: answer 503. */
export function isStorageError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && STORAGE_ERRORS.has(code);
}
