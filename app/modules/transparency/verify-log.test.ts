import { randomBytes } from "node:crypto";
import { commitment, formatLine, type LogLine, type UnplacedLine } from "./log-lines";
import { MerkleFrontier } from "./merkle";
import { decodeReceipt, encodeReceipt } from "./receipt";
import { checkpointBody, keyFromSeed, signNote, verifierKey } from "./signed-note";
import { addSignature, canonicalTally, emptyTally, moveSignature, type Status } from "./tally";
import { type PublishedTally, verifyLog } from "./verify-log";

const key = keyFromSeed("example.org/transparency", Buffer.alloc(32, 3));
const vkey = verifierKey(key);
const origin = "example.org/transparency/petitions/9";
const PETITION = 9;

/** Publishes lines the way the server does: checkpoint over them, tally from the same rules. */
function publish(lines: string[], tallyOverride?: (t: PublishedTally) => void) {
  const f = new MerkleFrontier();
  for (const l of lines) f.appendLine(l);
  const checkpoint = signNote(checkpointBody(origin, lines.length, f.root()), key);
  const t = emptyTally();
  const status = new Map<number, Status>();
  const geo = new Map<number, { state: string | null; district: number | null; hour: string }>();
  for (const text of lines) {
    const line = JSON.parse(text) as LogLine;
    if (line.type === "signature") {
      geo.set(line.position, line);
      status.set(line.position, "active");
      addSignature(t, line);
    } else {
      const to = {
        invalidation: "invalidated",
        restoration: "active",
        withdrawal: "withdrawn",
        erasure: "erased",
      }[line.type] as Status;
      for (const p of line.positions) {
        moveSignature(t, geo.get(p)!, status.get(p)!, to);
        status.set(p, to);
      }
    }
  }
  const tally: PublishedTally = {
    petition: { id: PETITION, slug: "p" },
    size: lines.length,
    root: f.root().toString("base64"),
    verifierKey: vkey,
    tally: canonicalTally(t),
    pending: 2,
  };
  tallyOverride?.(tally);
  return { log: lines.map((l) => `${l}\n`).join(""), checkpoint, tally };
}

const place = (lines: UnplacedLine[]) =>
  lines.map((l, position) => formatLine({ ...l, position } as LogLine));

const nonces = [randomBytes(32), randomBytes(32), randomBytes(32), randomBytes(32)];
const sig = (i: number, state = "VT", district: number | null = 0): UnplacedLine => ({
  type: "signature",
  commitment: commitment(PETITION, 100 + i, nonces[i]),
  state,
  district,
  hour: "2026-12-01T23:00Z",
});
const base = place([
  sig(0),
  sig(1, "CA", 12),
  sig(2, "CA", 12),
  { type: "invalidation", category: "ip-burst", positions: [1] },
  sig(3, "TX", null),
  { type: "withdrawal", positions: [2] },
]);
const receipt = (i: number) =>
  encodeReceipt({ petitionId: PETITION, signatureId: 100 + i, nonce: nonces[i] });

describe("the verifier", () => {
  it("accepts an honest log and reports its counts and a receipt's line", () => {
    const report = verifyLog({ ...publish(base), verifierKey: vkey, receipt: receipt(3) });
    expect(report.tally).toMatchObject({ confirmed: 4, invalidated: 1, withdrawn: 1, erased: 0, net: 2 });
    expect(report.tally.byState).toEqual({ TX: 1, VT: 1 });
    expect(report.tally.byDistrict).toEqual({ "TX-unknown": 1, "VT-0": 1 });
    expect(report.receipt).toEqual({ position: 4, status: "active" });
    expect(verifyLog(publish([])).size).toBe(0);
  });

  it("catches a count that is one off", () => {
    const docs = publish(base, (t) => {
      t.tally.net += 1;
    });
    expect(() => verifyLog(docs)).toThrow(/net: the log yields 2, the tally says 3/);
    const byState = publish(base, (t) => {
      t.tally.byState.VT = 2;
    });
    expect(() => verifyLog(byState)).toThrow(/byState VT: the log yields 1, the tally says 2/);
  });

  it("catches one line changed after signing", () => {
    const docs = publish(base);
    docs.log = docs.log.replace('"district":12', '"district":13');
    expect(() => verifyLog(docs)).toThrow(/Merkle root does not match/);
  });

  it("catches two lines swapped, renumbered or not", () => {
    const docs = publish(base);
    const lines = docs.log.split("\n");
    [lines[0], lines[1]] = [lines[1], lines[0]];
    expect(() => verifyLog({ ...docs, log: lines.join("\n") })).toThrow(/line 0 says it is at position 1/);
    const renumbered = [
      base[1].replace('"position":1', '"position":0'),
      base[0].replace('"position":0', '"position":1'),
    ];
    const swapped = { ...docs, log: [...renumbered, ...base.slice(2)].map((l) => `${l}\n`).join("") };
    expect(() => verifyLog(swapped)).toThrow(/Merkle root does not match/);
  });

  it("catches an invalidation removed, even when the log is re-signed (the tally still counts it)", () => {
    const honest = publish(base);
    const without = place([sig(0), sig(1, "CA", 12), sig(2, "CA", 12), sig(3, "TX", null)]);
    const resigned = publish(without, (t) => {
      t.tally = honest.tally.tally;
    });
    expect(() => verifyLog(resigned)).toThrow(/tally disagrees with the log: invalidated/);
  });

  it("catches a bad signature and a key that is not the site's", () => {
    const docs = publish(base);
    const blob = docs.checkpoint.split(" ").pop() as string;
    const flipped = Buffer.from(blob, "base64");
    flipped[10] ^= 1;
    const bad = { ...docs, checkpoint: docs.checkpoint.replace(blob, `${flipped.toString("base64")}\n`) };
    expect(() => verifyLog(bad)).toThrow(/not signed by/);
    const other = verifierKey(keyFromSeed("example.org/transparency", Buffer.alloc(32, 4)));
    expect(() => verifyLog({ ...docs, verifierKey: other })).toThrow(/key's id does not match|not signed by/);
  });

  it("catches a log that rewrites history against an earlier checkpoint, and accepts one that extends it", () => {
    const earlier = publish(base.slice(0, 3));
    expect(verifyLog({ ...publish(base), previous: earlier.checkpoint }).previous).toEqual({ size: 3 });
    const rewritten = place([sig(0), sig(1, "CA", 11), sig(2, "CA", 12), sig(3, "TX", null)]);
    expect(() => verifyLog({ ...publish(rewritten), previous: earlier.checkpoint })).toThrow(
      /rewrites history/,
    );
    expect(() => verifyLog({ ...earlier, previous: publish(base).checkpoint })).toThrow(/log shrank/);
  });

  it("refuses an invalidation of a later or missing line, and one counted twice", () => {
    const later = place([sig(0), { type: "invalidation", category: "manual", positions: [2] }, sig(1)]);
    expect(() => verifyLog(publish(later.slice(0, 2)))).toThrow(/not earlier/);
    const twice = [
      ...base,
      formatLine({ position: 6, type: "invalidation", category: "duplicate", positions: [1] }),
    ];
    expect(() => verifyLog(publish(twice.slice(0, 6).concat(twice[6])))).toThrow(
      /already invalidated: counted twice/,
    );
    const ofEvent = place([
      sig(0),
      { type: "withdrawal", positions: [0] },
      { type: "erasure", positions: [1] },
    ]);
    expect(() => verifyLog(publish(ofEvent))).toThrow(/not a signature/);
  });

  it("fails a receipt whose signature was removed, or that matches no line", () => {
    const docs = publish(base);
    expect(() => verifyLog({ ...docs, receipt: receipt(1) })).toThrow(
      /removed by line 3: invalidation \(ip-burst\)/,
    );
    expect(() => verifyLog({ ...docs, receipt: receipt(2) })).toThrow(/removed by line 5: withdrawal/);
    const stranger = encodeReceipt({ petitionId: PETITION, signatureId: 100, nonce: randomBytes(32) });
    expect(() => verifyLog({ ...docs, receipt: stranger })).toThrow(/no line in the log matches/);
    expect(() => verifyLog({ ...docs, receipt: "AQ" })).toThrow(/cut short/);
  });

  it("rejects a line that is not in canonical form", () => {
    const docs = publish([base[0].replace('"type":"signature"', '"type": "signature"')]);
    expect(() => verifyLog(docs)).toThrow(/not in canonical form/);
  });
});

describe("receipt codes", () => {
  it("round-trip ids up to 2^53 and stay short enough to copy", () => {
    for (const [petitionId, signatureId] of [
      [1, 1],
      [127, 128],
      [9_007_199_254_740_991, 4_000_000_000],
    ]) {
      const nonce = randomBytes(32);
      const code = encodeReceipt({ petitionId, signatureId, nonce });
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(code.length).toBeLessThanOrEqual(66);
      expect(decodeReceipt(code)).toEqual({ petitionId, signatureId, nonce });
    }
    expect(() => decodeReceipt("AgEB")).toThrow(/not one this verifier knows/);
  });
});
