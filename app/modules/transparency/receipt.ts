// A signer's receipt: the petition, their signature's id and the 32 random bytes behind the
// commitment, as one short base64url code (about 50 characters). It is made at confirmation,
// before the line exists, so it carries no position: the verifier finds the line by its commitment. It names nobody: without the
// random bytes a commitment cannot be linked to a signature, and the bytes are only in the receipt.

export interface Receipt {
  petitionId: number;
  signatureId: number;
  nonce: Buffer;
}

const VERSION = 1;

function writeVarint(out: number[], n: number) {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export function encodeReceipt(r: Receipt): string {
  const head: number[] = [VERSION];
  for (const n of [r.petitionId, r.signatureId]) writeVarint(head, n);
  return Buffer.concat([Buffer.from(head), r.nonce]).toString("base64url");
}

export function decodeReceipt(code: string): Receipt {
  const bytes = Buffer.from(code.trim(), "base64url");
  if (bytes[0] !== VERSION) throw new Error("the receipt code is not one this verifier knows");
  let at = 1;
  const read = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error("the receipt code is cut short");
      const b = bytes[at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  };
  const [petitionId, signatureId] = [read(), read()];
  const nonce = bytes.subarray(at);
  if (nonce.length !== 32) throw new Error("the receipt code is cut short or too long");
  return { petitionId, signatureId, nonce: Buffer.from(nonce) };
}
