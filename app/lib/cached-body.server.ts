import { constants, crc32, deflateRaw } from "node:zlib";

/**
 * A rendered page kept for replay, with a fresh CSP nonce in every answer and compressed only
 * once. The body is cut at each occurrence of the nonce it was rendered with; each piece is
 * deflated once, on its own (no back-reference reaches into a nonce) and ending on a byte
 * boundary. A gzip answer is those pieces with the visitor's nonce between them as stored
 * (uncompressed) deflate blocks, then the final block and the trailer: a replay costs the CRC of
 * the page and one copy, no compression.
 */
export interface CachedBody {
  /** The body between the nonces, as rendered. */
  pieces: Buffer[];
  /** Each piece as raw deflate blocks, none of them final; null until compressBody has run. */
  deflated: Buffer[] | null;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

const deflatePiece = (piece: Buffer) =>
  new Promise<Buffer>((resolve, reject) =>
    deflateRaw(piece, { finishFlush: constants.Z_SYNC_FLUSH }, (error, out) =>
      error ? reject(error) : resolve(out),
    ),
  );

function split(body: Buffer, nonce: string): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** Cuts a body at its nonce (answers can be sent from it at once, uncompressed). */
export function cutBody(body: Buffer, nonce: string): CachedBody {
  return { pieces: split(body, nonce), deflated: null };
}

/** Compresses a cut body once, in zlib's thread pool (the event loop stays free). */
export async function compressBody(body: CachedBody): Promise<void> {
  body.deflated = await Promise.all(body.pieces.map(deflatePiece));
}

export function identityBody(body: CachedBody, nonce: string): Buffer {
  if (body.pieces.length === 1) return body.pieces[0];
  const value = Buffer.from(nonce);
  const parts: Buffer[] = [];
  body.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(value);
    parts.push(piece);
  });
  return Buffer.concat(parts);
}

/** A stored block's header on a byte boundary: not final, type 00, then LEN and its complement. */
function storedHeader(length: number): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}

/** The gzip encoding of the body with `nonce` in place of the rendered one (once compressed). */
export function gzipBody(body: CachedBody & { deflated: Buffer[] }, nonce: string): Buffer {
  const value = Buffer.from(nonce);
  const between = storedHeader(value.length);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  body.pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(between, value);
      crc = crc32(value, crc);
      size += value.length;
    }
    parts.push(body.deflated[i]);
    crc = crc32(piece, crc);
    size += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}

/** Whether an Accept-Encoding header takes gzip (an explicit `gzip;q=0` refuses it, `*` takes it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.toLowerCase().split(",")) {
    const [coding, ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    const takes = q === undefined || Number(q.slice(2)) > 0;
    if (coding === "gzip" || coding === "x-gzip") return takes;
    if (coding === "*") wildcard = takes;
  }
  return wildcard;
}
