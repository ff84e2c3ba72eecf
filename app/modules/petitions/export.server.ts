import PDFDocument from "pdfkit";
import { pool } from "~db/index.server";
import { db } from "~db/index.server";
import { csvRow } from "~/lib/csv";
import { seatLabel } from "~/modules/legislators/seats";
import { EXPORT_COLUMNS, openSignatureCursor } from "./admin.queries.server";
import { countsByState, districtCounts, findPetitionById } from "./petitions.queries.server";

const CHUNK = 2_000;

/**
 * The signatures as CSV, streamed from a server-side cursor: memory stays constant at any size.
 * Spreadsheet formulas are neutralised (see csvCell).
 */
export function signaturesCsvStream(petitionId: number, states: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Awaited<ReturnType<typeof openSignatureCursor>> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        cursor = await openSignatureCursor(await pool().connect(), petitionId, "id", states);
        controller.enqueue(encoder.encode(csvRow([...EXPORT_COLUMNS])));
      },
      async pull(controller) {
        try {
          const rows = await cursor!.next(CHUNK);
          if (!rows.length) {
            await cursor!.close();
            cursor = undefined;
            controller.close();
            return;
          }
          controller.enqueue(
            encoder.encode(rows.map((r) => csvRow(EXPORT_COLUMNS.map((c) => r[c]))).join("")),
          );
        } catch (error) {
          await cursor?.close().catch(() => undefined);
          cursor = undefined;
          controller.error(error);
        }
      },
      async cancel() {
        await cursor?.close().catch(() => undefined);
        cursor = undefined;
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * The delivery document: the petition's text, the count, and the confirmed signers grouped by
 * state and district, streamed page by page from a cursor.
 */
export async function deliveryPdfStream(petitionId: number): Promise<ReadableStream<Uint8Array> | null> {
  const petition = await findPetitionById(db(), petitionId);
  if (!petition) return null;
  const [counts, districts] = await Promise.all([
    countsByState(db(), petitionId),
    districtCounts(db(), petitionId),
  ]);
  const confirmed = counts.find((c) => c.state === "confirmed")?.n ?? 0;
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 54,
    bufferPages: false,
    info: { Title: `Petition: ${petition.title}` },
  });

  doc.font("Times-Bold").fontSize(20).text(petition.title);
  doc.moveDown(0.5).font("Times-Roman").fontSize(12).text(petition.ask, { align: "left" });
  doc
    .moveDown()
    .font("Times-Bold")
    .fontSize(14)
    .text(`${confirmed.toLocaleString("en-US")} confirmed signatures`);
  doc
    .font("Times-Roman")
    .fontSize(10)
    .text(
      `Prepared ${new Date().toUTCString()}. Each signature was confirmed from the signer's own email address.`,
    );
  if (districts.length) {
    doc.moveDown().font("Times-Bold").fontSize(12).text("Signatures by congressional district");
    doc
      .font("Times-Roman")
      .fontSize(10)
      .text(districts.map((d) => `${seatLabel(d.usState, d.district)}: ${d.n}`).join("   "));
  }

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      doc.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      doc.on("end", () => controller.close());
      const cursor = await openSignatureCursor(await pool().connect(), petitionId, "place", ["confirmed"]);
      try {
        let group = "";
        for (;;) {
          const rows = await cursor.next(CHUNK);
          if (!rows.length) break;
          for (const r of rows) {
            const state = (r.us_state as string | null) ?? "Outside the United States or unknown";
            const key = r.us_state ? seatLabel(state, (r.district as number | null) ?? -1) : state;
            if (key !== group) {
              group = key;
              doc
                .moveDown()
                .font("Times-Bold")
                .fontSize(12)
                .text(r.us_state ? `District ${key}` : key);
              doc.font("Times-Roman").fontSize(10);
            }
            doc.text(
              `${r.first_name} ${r.last_name}${r.city ? `, ${r.city}` : ""}${r.zip ? ` ${r.zip}` : ""}`,
            );
          }
        }
      } finally {
        await cursor.close();
      }
      doc.end();
    },
  });
  return stream;
}
