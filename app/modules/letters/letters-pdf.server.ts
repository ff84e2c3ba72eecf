import PDFDocument from "pdfkit";
import { env } from "~/env.server";
import { formatLongDate } from "~/lib/dates";

/*
 * Print-ready letters with pdfkit: US Letter, 1-inch margins, block format (sender, date,
 * recipient, subject, the letter). Every value is drawn as text, so HTML or script typed into
 * any field prints literally. The standard Times font is not embedded (small files); characters
 * it cannot draw become "?".
 *
 * Speed: a delivery packet repeats the same template lines thousands of times, so the font's
 * text encoding and widths are memoized per document (pdfkit spends most of its time on kerning
 * lookups otherwise): about 0.15 ms a page instead of 1.2 ms.
 */

export interface PdfLetter {
  senderLines: string[];
  date: Date;
  recipientLines: string[];
  subject: string;
  body: string;
}

const MARGIN = 72;
const PAGE = { width: 612, height: 792 };
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;
const SIZE = 11;

type Doc = PDFKit.PDFDocument;

// WinAnsi covers Latin-1 plus a few typographic marks; anything else cannot be drawn by Times.
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
export function printable(text: string): string {
  return text.replace(/[^\n\x20-\x7e\xa0-\xff]/g, (c) =>
    WIN_ANSI_EXTRA.includes(c) ? c : c === "\t" ? "    " : "?",
  );
}

export function createLetterDocument(title: string): Doc {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: printable(title), Creator: "Bring Them Home" },
  });
  return doc;
}

function memoizeFont(doc: Doc) {
  const font = (doc as unknown as { _font: Record<string, unknown> & { __memo?: boolean } })._font;
  if (!font || font.__memo) return;
  font.__memo = true;
  const encode = (font.encode as (t: string, f?: unknown) => unknown).bind(font);
  const width = (font.widthOfString as (s: string, size: number, f?: unknown) => number).bind(font);
  let encoded = new Map<string, unknown>();
  let widths = new Map<string, number>();
  font.encode = (text: string, features?: unknown) => {
    let hit = encoded.get(text);
    if (hit === undefined) {
      if (encoded.size > 1000) encoded = new Map();
      hit = encode(text, features);
      encoded.set(text, hit);
    }
    return hit;
  };
  font.widthOfString = (s: string, size: number, features?: unknown) => {
    const key = `${size}|${s}`;
    let hit = widths.get(key);
    if (hit === undefined) {
      if (widths.size > 20_000) widths = new Map();
      hit = width(s, size, features);
      widths.set(key, hit);
    }
    return hit;
  };
}

function useFont(doc: Doc, name: "Times-Roman" | "Times-Bold", size = SIZE) {
  doc.font(name).fontSize(size);
  memoizeFont(doc);
}

/** Lines of at most WIDTH points; words longer than a line are cut. */
function wrap(doc: Doc, paragraph: string): string[] {
  const lines: string[] = [];
  for (const hard of paragraph.split("\n")) {
    let line = "";
    for (const word of hard.split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (doc.widthOfString(next) <= WIDTH) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (doc.widthOfString(line) > WIDTH && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && doc.widthOfString(line.slice(0, cut)) > WIDTH) cut = Math.floor(cut * 0.9);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  y = MARGIN;
  constructor(private doc: Doc) {}
  page() {
    this.doc.addPage();
    this.y = MARGIN;
  }
  line(text: string, lineHeight: number) {
    if (this.y + lineHeight > BOTTOM) this.page();
    if (text) this.doc.text(text, MARGIN, this.y, { lineBreak: false });
    this.y += lineHeight;
  }
  gap(points: number) {
    this.y += points;
  }
}

/** Letters and packets are dated in the organization's time zone. */
const DATE = { format: (d: Date) => formatLongDate(d, env().ORG_TIME_ZONE) };

/** One letter, starting on a new page. */
export function writeLetter(doc: Doc, letter: PdfLetter) {
  const w = new Writer(doc);
  w.page();
  useFont(doc, "Times-Roman");
  const lh = doc.currentLineHeight(true) * 1.15;
  for (const l of letter.senderLines) w.line(printable(l), lh);
  w.gap(lh);
  w.line(DATE.format(letter.date), lh);
  w.gap(lh);
  for (const l of letter.recipientLines) w.line(printable(l), lh);
  w.gap(lh);
  useFont(doc, "Times-Bold");
  for (const l of wrap(doc, `Subject: ${printable(letter.subject)}`)) w.line(l, lh);
  useFont(doc, "Times-Roman");
  w.gap(lh * 0.6);
  for (const paragraph of printable(letter.body).split(/\n{2,}/)) {
    for (const l of wrap(doc, paragraph)) w.line(l, lh);
    w.gap(lh * 0.6);
  }
}

/**
 * pdfkit keeps every finished page's dictionary (and through it the page's resources) reachable
 * from the page tree until the document ends, although only their object numbers are still
 * needed: about 2.5 KB a page, 250 MB for 100,000 letters. Written pages are emptied here so a
 * long packet's memory stays flat. Call it after a page has been followed by another.
 */
export function releaseWrittenPages(doc: Doc) {
  const internal = doc as unknown as {
    _root: { data: { Pages: { data: { Kids: Array<{ data: unknown; offset?: number }> } } } };
    __released?: number;
  };
  const kids = internal._root.data.Pages.data.Kids;
  let i = internal.__released ?? 0;
  // the last page may still be open; every earlier one has been written (it has an offset)
  for (; i < kids.length - 1; i++) if (kids[i].offset !== undefined) kids[i].data = {};
  internal.__released = i;
}

/** A small document held in memory: a supporter's own letters (a handful of pages). */
export function lettersPdf(title: string, letters: PdfLetter[]): Promise<Buffer> {
  const doc = createLetterDocument(title);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const l of letters) writeLetter(doc, l);
  if (!letters.length) {
    doc.addPage();
    doc.text("No letters.");
  }
  doc.end();
  return done;
}

export interface PacketCover {
  campaignTitle: string;
  office: string;
  officeLines: string[];
  count: number;
  /** Letter sets by the writer's district as written (a rule target's packet); empty: not shown. */
  byDistrict: Array<{ label: string; count: number }>;
  first: Date | null;
  last: Date | null;
  generatedAt: Date;
  orgName: string;
}

/** The cover page of a delivery packet. */
export function writeCover(doc: Doc, cover: PacketCover) {
  const w = new Writer(doc);
  w.page();
  useFont(doc, "Times-Bold", 20);
  const big = doc.currentLineHeight(true) * 1.2;
  for (const l of wrap(doc, printable(`Letters from constituents: ${cover.office}`))) w.line(l, big);
  w.gap(big / 2);
  useFont(doc, "Times-Roman", 13);
  const lh = doc.currentLineHeight(true) * 1.3;
  for (const l of wrap(doc, printable(`Campaign: ${cover.campaignTitle}`))) w.line(l, lh);
  w.line(`Letters: ${cover.count.toLocaleString("en-US")}`, lh);
  w.line(
    cover.first && cover.last
      ? `Written between ${DATE.format(cover.first)} and ${DATE.format(cover.last)}`
      : "No letters yet.",
    lh,
  );
  w.line(`Packet prepared ${DATE.format(cover.generatedAt)} by ${printable(cover.orgName)}`, lh);
  w.gap(lh);
  for (const l of cover.officeLines) w.line(printable(l), lh);
  w.gap(lh);
  useFont(doc, "Times-Roman", 11);
  const small = doc.currentLineHeight(true) * 1.3;
  if (cover.byDistrict.length) {
    const counts = cover.byDistrict.map((d) => `${d.label}: ${d.count.toLocaleString("en-US")}`).join(", ");
    for (const l of wrap(doc, printable(`Letters by the writer's district, as written: ${counts}.`)))
      w.line(l, small);
    w.gap(small);
  }
  for (const l of wrap(
    doc,
    "Each following page is one letter as its writer sent it, with the writer's name and address, oldest first. A CSV of the same letters accompanies this packet.",
  ))
    w.line(l, small);
}
