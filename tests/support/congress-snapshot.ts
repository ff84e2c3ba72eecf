import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** The dated snapshot of the public Congress data that ships with the project (data/congress). */
export const CONGRESS_SNAPSHOT = path.resolve(process.cwd(), "data/congress");

/** The bytes of one snapshot file as its source publishes it (unpacked when stored gzipped). */
export function readSnapshotFile(name: string): string {
  const plain = path.join(CONGRESS_SNAPSHOT, name);
  return (existsSync(plain) ? readFileSync(plain) : gunzipSync(readFileSync(`${plain}.gz`))).toString("utf8");
}
