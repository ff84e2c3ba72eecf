import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

// Checkpoints as C2SP signed notes (c2sp.org/signed-note, c2sp.org/tlog-checkpoint) with an
// Ed25519 key: the body is "<origin>\n<size>\n<base64 root>\n", then a blank line and one
// signature line "— <key name> <base64(4-byte key id || 64-byte signature)>". Pure (node:crypto).

const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_ED25519 = Buffer.from("302a300506032b6570032100", "hex");
const ALG_ED25519 = 0x01;

export interface NoteKey {
  name: string;
  privateKey: KeyObject;
  publicKey: Buffer;
}

export function keyFromSeed(name: string, seed: Buffer): NoteKey {
  if (seed.length !== 32) throw new Error("an Ed25519 seed is 32 bytes");
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, seed]),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  return { name, privateKey, publicKey: Buffer.from(spki.subarray(spki.length - 32)) };
}

function keyId(name: string, publicKey: Buffer): Buffer {
  return createHash("sha256")
    .update(`${name}\n`)
    .update(Buffer.from([ALG_ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The verifier key string: "<name>+<hex key id>+<base64(0x01 || public key)>". */
export function verifierKey(key: Pick<NoteKey, "name" | "publicKey">): string {
  const id = keyId(key.name, key.publicKey).toString("hex");
  return `${key.name}+${id}+${Buffer.concat([Buffer.from([ALG_ED25519]), key.publicKey]).toString("base64")}`;
}

export function checkpointBody(origin: string, size: number, root: Buffer): string {
  return `${origin}\n${size}\n${root.toString("base64")}\n`;
}

export function signNote(body: string, key: NoteKey): string {
  const signature = sign(null, Buffer.from(body), key.privateKey);
  const blob = Buffer.concat([keyId(key.name, key.publicKey), signature]).toString("base64");
  return `${body}\n\u2014 ${key.name} ${blob}\n`;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** Checks a signed checkpoint against a verifier key; returns what it says or throws with the reason. */
export function openCheckpoint(note: string, vkey: string): Checkpoint {
  // name+hex id+base64 key: the base64 may itself contain "+", so split at the first two only.
  const [, name, idHex, keyB64] = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey.trim()) ?? [];
  const keyBytes = Buffer.from(keyB64 ?? "", "base64");
  if (!name || keyBytes.length !== 33 || keyBytes[0] !== ALG_ED25519)
    throw new Error("the verifier key is not an Ed25519 signed-note key");
  const publicKey = keyBytes.subarray(1);
  if (keyId(name, publicKey).toString("hex") !== idHex)
    throw new Error("the verifier key's id does not match it");
  const split = note.indexOf("\n\n");
  if (split < 0) throw new Error("the checkpoint has no signature block");
  const body = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2)
    .split("\n")
    .filter(Boolean);
  const spki = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, publicKey]),
    format: "der",
    type: "spki",
  });
  const ok = signatures.some((line) => {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m || m[1] !== name) return false;
    const blob = Buffer.from(m[2], "base64");
    if (blob.length !== 68 || blob.subarray(0, 4).toString("hex") !== idHex) return false;
    return verify(null, Buffer.from(body), spki, blob.subarray(4));
  });
  if (!ok) throw new Error(`the checkpoint is not signed by ${name}`);
  const lines = body.split("\n");
  const size = Number(lines[1]);
  const root = Buffer.from(lines[2] ?? "", "base64");
  if (lines.length < 4 || !Number.isSafeInteger(size) || size < 0 || root.length !== 32)
    throw new Error("the checkpoint's body is malformed");
  return { origin: lines[0], size, root };
}
