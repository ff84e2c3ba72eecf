import { createHash } from "node:crypto";

// The log's lines: one canonical JSON object per line, keys in a fixed order, no spaces, no
// personal data. Pure (node:crypto only): the server writes lines with `formatLine` and the
// verifier re-formats every line it reads and rejects any that is not byte-for-byte canonical.

export type RemovalCategory = "ip-burst" | "blocked-domain" | "duplicate" | "manual";
export const REMOVAL_CATEGORIES: RemovalCategory[] = ["ip-burst", "blocked-domain", "duplicate", "manual"];

export interface SignatureLine {
  position: number;
  type: "signature";
  /** SHA-256 (hex) of the label, the petition, the signature's id and its 32 random bytes. */
  commitment: string;
  state: string | null;
  district: number | null;
  /** The hour it was confirmed, UTC, e.g. 2026-12-01T23:00Z. */
  hour: string;
}
export interface InvalidationLine {
  position: number;
  type: "invalidation";
  category: RemovalCategory;
  positions: number[];
}
export interface EventLine {
  position: number;
  type: "restoration" | "withdrawal" | "erasure";
  positions: number[];
}
export type LogLine = SignatureLine | InvalidationLine | EventLine;
export type LogEvent = Exclude<LogLine["type"], "signature">;
/** A line before it has its position. */
export type UnplacedLine = LogLine extends infer L
  ? L extends LogLine
    ? Omit<L, "position">
    : never
  : never;

const COMMITMENT_LABEL = Buffer.from("unreturned/petition-signature/v1\u0000");

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

export function commitment(petitionId: number, signatureId: number, nonce: Buffer): string {
  return createHash("sha256")
    .update(COMMITMENT_LABEL)
    .update(u64(petitionId))
    .update(u64(signatureId))
    .update(nonce)
    .digest("hex");
}

/** The hour a signature was confirmed, as its line shows it. */
export function hourOf(date: Date): string {
  return `${date.toISOString().slice(0, 13)}:00Z`;
}

/** The one serialisation of a line (JSON.stringify keeps the insertion order used here). */
export function formatLine(line: LogLine): string {
  switch (line.type) {
    case "signature":
      return JSON.stringify({
        position: line.position,
        type: line.type,
        commitment: line.commitment,
        state: line.state,
        district: line.district,
        hour: line.hour,
      });
    case "invalidation":
      return JSON.stringify({
        position: line.position,
        type: line.type,
        category: line.category,
        positions: line.positions,
      });
    default:
      return JSON.stringify({ position: line.position, type: line.type, positions: line.positions });
  }
}

const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/;
const isPosition = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

// A signature line in canonical form, read without JSON.parse (the verifier reads a million).
const SIGNATURE_LINE =
  /^\{"position":(0|[1-9]\d*),"type":"signature","commitment":"([0-9a-f]{64})","state":(null|"[A-Z]{2}"),"district":(null|0|[1-9]\d{0,8}),"hour":"(\d{4}-\d{2}-\d{2}T\d{2}:00Z)"\}$/;

/** Parses one line and checks its shape and canonical form; throws with the reason. */
export function parseLine(text: string, expectedPosition: number): LogLine {
  const m = SIGNATURE_LINE.exec(text);
  if (m && Number(m[1]) === expectedPosition)
    return {
      position: expectedPosition,
      type: "signature",
      commitment: m[2],
      state: m[3] === "null" ? null : m[3].slice(1, 3),
      district: m[4] === "null" ? null : Number(m[4]),
      hour: m[5],
    };
  return parseSlowly(text, expectedPosition);
}

function parseSlowly(text: string, expectedPosition: number): LogLine {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`line ${expectedPosition} is not JSON`);
  }
  if (!raw || typeof raw !== "object") throw new Error(`line ${expectedPosition} is not an object`);
  if (raw.position !== expectedPosition)
    throw new Error(`line ${expectedPosition} says it is at position ${String(raw.position)}`);
  const line = raw as unknown as LogLine;
  if (line.type === "signature") {
    if (typeof line.commitment !== "string" || !/^[0-9a-f]{64}$/.test(line.commitment))
      throw new Error(`line ${expectedPosition} has a malformed commitment`);
    if (line.state !== null && (typeof line.state !== "string" || !/^[A-Z]{2}$/.test(line.state)))
      throw new Error(`line ${expectedPosition} has a malformed state`);
    if (line.district !== null && !(Number.isSafeInteger(line.district) && line.district >= 0))
      throw new Error(`line ${expectedPosition} has a malformed district`);
    if (typeof line.hour !== "string" || !HOUR.test(line.hour))
      throw new Error(`line ${expectedPosition} has a malformed hour`);
  } else if (["invalidation", "restoration", "withdrawal", "erasure"].includes(line.type)) {
    if (!Array.isArray(line.positions) || !line.positions.length || !line.positions.every(isPosition))
      throw new Error(`line ${expectedPosition} has malformed positions`);
    if (line.type === "invalidation" && !REMOVAL_CATEGORIES.includes(line.category))
      throw new Error(`line ${expectedPosition} has an unknown category`);
  } else {
    throw new Error(`line ${expectedPosition} has an unknown type`);
  }
  if (formatLine(line) !== text) throw new Error(`line ${expectedPosition} is not in canonical form`);
  return line;
}
