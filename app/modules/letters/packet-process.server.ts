import { spawn } from "node:child_process";
import { PassThrough, type Writable } from "node:stream";
import { z } from "zod";
import { databaseUrl } from "~db/index.server";
import { now } from "~/lib/clock.server";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { type PacketInfo, type PacketKey, packetInfo, writePacketCsv, writePacketPdf } from "./packet.server";

/*
 * Delivery packets of up to 100,000 letters are drawn in a short-lived child process
 * (`node server.js letters:packet ...`) with a small heap of its own, streamed to the response
 * through a pipe. pdfkit keeps per-page objects that V8 collects lazily, so drawn in the web
 * process a packet grew it by hundreds of MB; in a child, that memory is bounded by the child's
 * heap cap and returned to the system when it exits. See docs/decisions/008.
 */

export const PACKET_HEAP_MB = 128;
/** The packet process's connections are named so in pg_stat_activity. Its pool holds PACKET_DB_CONNECTIONS. */
export const PACKET_APPLICATION_NAME = "unreturned-letter-packet";

/** A packet's office: a member's letters, an official's, or an office a campaign's rules target. */
export const PACKET_OFFICE = /^(bioguide:[A-Z]\d{6}|official:\d{1,12}|office:[HS][A-Z]{2}\d{2})$/;

const args = z.object({
  campaign: z.coerce.number().int().positive(),
  office: z.string().regex(PACKET_OFFICE),
  format: z.enum(["pdf", "csv"]),
  /** The web process's clock: a rule target is resolved at the instant the packet was asked for. */
  at: z.iso.datetime().optional(),
});

function option(argv: string[], name: string) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function officeKey(office: string): PacketKey {
  const [kind, id] = office.split(":");
  if (kind === "office") return { office: id };
  return kind === "bioguide" ? { bioguide: id } : { officialId: Number(id) };
}

/** Writes a packet to `out`; shared by the child process and the in-process fallback. */
export async function writePacket(info: PacketInfo, format: "pdf" | "csv", out: Writable) {
  if (format === "pdf") await writePacketPdf(info, out);
  else await writePacketCsv(info, out);
}

/** The child's side: `node server.js letters:packet --campaign ID --office KEY --format pdf|csv`. */
export async function writePacketToStdout(argv: string[]): Promise<void> {
  const parsed = args.parse({
    campaign: option(argv, "campaign"),
    office: option(argv, "office"),
    format: option(argv, "format"),
    at: option(argv, "at"),
  });
  const campaign = await getCampaignForEdit(parsed.campaign);
  if (!campaign) throw new Error("No campaign has that number.");
  const info = await packetInfo(
    { id: campaign.id, slug: campaign.slug, title: campaign.title },
    officeKey(parsed.office),
    parsed.at ? new Date(parsed.at) : undefined,
  );
  if (!info) throw new Error("This office has no letters for this campaign.");
  // stdout is never ended by pipe(), so the packet writes into a PassThrough piped to it.
  const out = new PassThrough();
  out.pipe(process.stdout);
  await writePacket(info, parsed.format, out);
}

/** Whether this process is the built server (so `server.js` can be run again as a child). */
export function canSpawnPacketProcess(): boolean {
  return /server\.js$/.test(process.argv[1] ?? "");
}

/** The web process's side: streams the child's output to `out`; rejects if the child fails. */
export function streamPacketFromChild(
  params: { campaign: number; office: string; format: "pdf" | "csv" },
  out: Writable & { on: Writable["on"] },
): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${PACKET_HEAP_MB}`,
      process.argv[1],
      "letters:packet",
      "--campaign",
      String(params.campaign),
      "--office",
      params.office,
      "--format",
      params.format,
      "--at",
      now().toISOString(),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(),
        LOG_LEVEL: "warn",
        WORKER: "false",
        PGAPPNAME: PACKET_APPLICATION_NAME,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-2000)));
  child.stdout.pipe(out, { end: false });
  out.on("close", () => child.kill("SIGTERM"));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        out.end();
        resolve();
      } else reject(new Error(`the packet process exited with ${code}: ${stderr.trim()}`));
    });
  });
}
