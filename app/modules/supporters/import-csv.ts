/*
 * Reading an uploaded CSV of supporters (browser-safe, no I/O): the bytes become text (UTF-8,
 * with or without a byte-order mark, or UTF-16 as Excel's "Unicode text" saves it), then RFC 4180
 * records (quoted cells may hold commas, quotes and line breaks; CRLF, LF or CR line ends; comma,
 * semicolon or tab as the separator, whichever the header line uses). Anything that is not a
 * text CSV is refused with a readable message.
 */

export type CsvRead = { ok: true; records: string[][] } | { ok: false; message: string };

const CSV_TYPES = new Set([
  "text/csv",
  "text/plain",
  "text/tab-separated-values",
  "application/csv",
  "application/vnd.ms-excel",
  "text/comma-separated-values",
  "text/x-csv",
  "application/x-csv",
]);

/** Whether the upload says it is a CSV: its declared type, or a .csv/.txt name sent as bytes. */
export function isCsvUpload(filename: string, declaredType: string): boolean {
  const type = declaredType.split(";")[0].trim().toLowerCase();
  if (CSV_TYPES.has(type)) return true;
  return (type === "" || type === "application/octet-stream") && /\.(csv|txt|tsv)$/i.test(filename);
}

function decode(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  let encoding = "utf-8";
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ["utf-16le", 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ["utf-16be", 2];
  const body = bytes.subarray(start);
  if (encoding === "utf-8" && body.includes(0))
    return {
      ok: false,
      message: "The file holds NUL bytes: it is not a text CSV (a spreadsheet saved in another format?).",
    };
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(body);
    if (text.includes("\u0000"))
      return { ok: false, message: "The file holds NUL characters: it is not a text CSV." };
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      message:
        'The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" (or export it again from the other tool) and upload it again.',
    };
  }
}

function separatorOf(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((c) => [c, count(c)] as const);
  return candidates.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Splits CSV text into records; a record of one empty cell (a blank line) is dropped. */
export function parseCsvText(text: string, maxRecords: number): CsvRead {
  const sep = separatorOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(cell);
    cell = "";
    if (record.length > 1 || record[0] !== "") records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === sep) {
      record.push(cell);
      cell = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      if (records.length > maxRecords) return { ok: false, message: tooMany(maxRecords) };
    } else cell += c;
    i++;
  }
  if (quoted) return { ok: false, message: 'The file ends inside a quoted cell: a quote (") is not closed.' };
  if (cell !== "" || record.length) endRecord();
  if (records.length > maxRecords) return { ok: false, message: tooMany(maxRecords) };
  return { ok: true, records };
}

const tooMany = (max: number) =>
  `The file has more than ${(max - 1).toLocaleString("en-US")} rows; split it into smaller files.`;

/** The file's bytes as records (header first); `maxRows` counts the rows after the header. */
export function readCsv(bytes: Uint8Array, maxRows: number): CsvRead {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const read = parseCsvText(decoded.text, maxRows + 1);
  if (read.ok && read.records.length < 2)
    return { ok: false, message: "The file has a header line but no rows of people." };
  return read;
}
