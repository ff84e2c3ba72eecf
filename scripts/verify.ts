// npm run verify -- <petition URL | folder with log, checkpoint, tally.json> [--receipt CODE]
//   [--previous CHECKPOINT-FILE-OR-URL] [--key VERIFIER-KEY]
// Fetches (or reads) a petition's transparency log, checkpoint and tally, checks the checkpoint's
// signature, recomputes the Merkle root and every count, optionally checks a receipt and that the
// log extends an earlier checkpoint. Exits 0 when all agree, 1 with the reason when not, 2 on bad
// usage. Uses Node's own crypto only (see app/modules/transparency/verify-log.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type PublishedTally, VerificationError, verifyLog } from "../app/modules/transparency/verify-log";

const USAGE =
  "usage: npm run verify -- <petition URL | folder> [--receipt CODE] [--previous CHECKPOINT] [--key VERIFIER-KEY]";

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url).catch((e: Error & { cause?: Error }) => {
    throw new VerificationError(`could not fetch ${url}: ${e.cause?.message ?? e.message}`);
  });
  if (!r.ok) throw new VerificationError(`${url} answered ${r.status}`);
  return r.text();
}

/** The three documents, from the site (any page address of the petition) or from a folder. */
async function load(source: string) {
  if (/^https?:\/\//.test(source)) {
    const url = new URL(source);
    const slug = /^\/(?:campaigns|transparency\/petitions)\/([^/]+)/.exec(url.pathname)?.[1];
    if (!slug) throw new VerificationError(`${source} is not a petition's address (/campaigns/<slug>)`);
    const base = `${url.origin}/transparency/petitions/${slug}`;
    // The checkpoint first, then the log and tally of exactly that size: the log may grow meanwhile.
    const checkpoint = await fetchText(`${base}/checkpoint`);
    const size = Number(checkpoint.split("\n")[1]);
    if (!Number.isSafeInteger(size)) throw new VerificationError("the checkpoint's body is malformed");
    const tally = await fetchText(`${base}/tally.json?size=${size}`);
    const log = await fetchText(`${base}/log?size=${size}`);
    return { tally, checkpoint, log };
  }
  const read = (name: string) => readFile(path.join(source, name), "utf8");
  return { tally: await read("tally.json"), checkpoint: await read("checkpoint"), log: await read("log") };
}

async function main(): Promise<number> {
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      options: { receipt: { type: "string" }, previous: { type: "string" }, key: { type: "string" } },
    });
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [source, ...extra] = args.positionals;
  if (!source || extra.length) {
    console.error(USAGE);
    return 2;
  }
  try {
    const docs = await load(source);
    let tally: PublishedTally;
    try {
      tally = JSON.parse(docs.tally);
    } catch {
      throw new VerificationError("tally.json is not JSON");
    }
    const previousArg = args.values.previous;
    const previous =
      previousArg === undefined
        ? undefined
        : /^https?:\/\//.test(previousArg)
          ? await fetchText(previousArg)
          : await readFile(previousArg, "utf8");
    const started = performance.now();
    const report = verifyLog({
      log: docs.log,
      checkpoint: docs.checkpoint,
      tally,
      verifierKey: args.values.key,
      receipt: args.values.receipt,
      previous,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const t = report.tally;
    console.log(
      `OK: ${tally.petition.slug}: ${report.size} lines, root ${report.root} (checked in ${seconds} s)`,
    );
    console.log(
      `counted ${t.net} (confirmed ${t.confirmed}, invalidated ${t.invalidated}, withdrawn ${t.withdrawn}, erased ${t.erased}); pending, not in the log: ${report.pending}`,
    );
    console.log(`by state: ${JSON.stringify(t.byState)}`);
    if (!args.values.key) console.log("key: the one the site names (pin it with --key from the docs)");
    if (report.previous) console.log(`extends the earlier checkpoint of ${report.previous.size} lines`);
    if (report.receipt) console.log(`receipt: in the log at line ${report.receipt.position}, counted`);
    return 0;
  } catch (e) {
    // Anything that stops the check is a failure with its reason: a mismatch, a bad receipt, a missing file.
    console.error(`FAILED: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
