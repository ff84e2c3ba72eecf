import { createHash, hash } from "node:crypto";

// RFC 9162 (Certificate Transparency 2.0), section 2.1.1: the Merkle Tree Hash.
// Pure and dependency-free (node:crypto only): the verifier script uses it as it is.

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot crypto.hash is several times faster than createHash for inputs this small (a million
// lines verify in a few seconds); a string's "\u0000" prefix encodes as the single 0x00 byte.
export function leafHash(line: string | Buffer): Buffer {
  if (typeof line === "string") return hash("sha256", `\u0000${line}`, "buffer");
  return hash("sha256", Buffer.concat([LEAF, line]), "buffer");
}

const pair = Buffer.alloc(65);
pair[0] = NODE[0];

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  left.copy(pair, 1);
  right.copy(pair, 33);
  return hash("sha256", pair, "buffer");
}

/** MTH as the RFC writes it (recursive, over leaf hashes); the reference the streaming form is tested against. */
export function merkleRootOfLeafHashes(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash("sha256").digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(merkleRootOfLeafHashes(leaves.slice(0, k)), merkleRootOfLeafHashes(leaves.slice(k)));
}

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, largest (leftmost) first,
 * one per set bit of the size. Appending is O(log n) and the root of any size can be read off,
 * so the roll-up never rehashes the log and the verifier streams it in one pass.
 */
export class MerkleFrontier {
  size: number;
  private hashes: Buffer[];
  private levels: number[];

  constructor(size = 0, hashes: Buffer[] = []) {
    this.size = size;
    this.hashes = [...hashes];
    this.levels = [];
    for (let bit = 52; bit >= 0; bit--) if (Math.floor(size / 2 ** bit) % 2 === 1) this.levels.push(bit);
    if (this.levels.length !== hashes.length) throw new Error("frontier does not match its size");
  }

  appendLine(line: string | Buffer) {
    this.appendLeafHash(leafHash(line));
  }

  appendLeafHash(hash: Buffer) {
    let h = hash;
    let level = 0;
    while (this.levels.length && this.levels[this.levels.length - 1] === level) {
      this.levels.pop();
      h = nodeHash(this.hashes.pop() as Buffer, h);
      level++;
    }
    this.hashes.push(h);
    this.levels.push(level);
    this.size++;
  }

  root(): Buffer {
    if (!this.hashes.length) return createHash("sha256").digest();
    let h = this.hashes[this.hashes.length - 1];
    for (let i = this.hashes.length - 2; i >= 0; i--) h = nodeHash(this.hashes[i], h);
    return h;
  }

  /** The stored form (base64 hashes, largest subtree first). */
  toJSON(): string[] {
    return this.hashes.map((h) => h.toString("base64"));
  }

  static fromJSON(size: number, hashes: string[]): MerkleFrontier {
    return new MerkleFrontier(
      size,
      hashes.map((h) => Buffer.from(h, "base64")),
    );
  }
}
