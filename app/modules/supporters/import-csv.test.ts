import { isCsvUpload, parseCsvText, readCsv } from "./import-csv";

describe("reading an import CSV", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, any line end, and drops blank lines", () => {
    const read = parseCsvText(
      'email,note\r\na@x.org,"one, ""two""\nthree"\r\n\r\nb@x.org,plain\rc@x.org,',
      10,
    );
    expect(read).toEqual({
      ok: true,
      records: [
        ["email", "note"],
        ["a@x.org", 'one, "two"\nthree'],
        ["b@x.org", "plain"],
        ["c@x.org", ""],
      ],
    });
  });

  it("takes the separator the header uses (semicolon, tab)", () => {
    expect(parseCsvText("email;name\na@x.org;A", 10)).toMatchObject({
      records: [
        ["email", "name"],
        ["a@x.org", "A"],
      ],
    });
    expect(parseCsvText("email\tname\na@x.org\tA", 10)).toMatchObject({
      records: [
        ["email", "name"],
        ["a@x.org", "A"],
      ],
    });
  });

  it("decodes UTF-8 with a byte-order mark and UTF-16, refuses other encodings and binary", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("email\nzoë@x.org\n")]);
    expect(readCsv(bom, 10)).toEqual({ ok: true, records: [["email"], ["zoë@x.org"]] });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("email\nann@x.org\n", "utf16le")]);
    expect(readCsv(utf16, 10)).toEqual({ ok: true, records: [["email"], ["ann@x.org"]] });
    expect(readCsv(new Uint8Array([0x65, 0x0a, 0xe9, 0x0a]), 10)).toMatchObject({
      ok: false,
      message: /not UTF-8/,
    });
    expect(readCsv(new Uint8Array([0x65, 0x0a, 0x00, 0x0a]), 10)).toMatchObject({
      ok: false,
      message: /NUL/,
    });
    expect(readCsv(new Uint8Array([]), 10)).toMatchObject({ ok: false, message: /empty/ });
  });

  it("stops at the row limit", () => {
    expect(readCsv(new TextEncoder().encode("email\na\nb\nc\n"), 2)).toMatchObject({
      ok: false,
      message: /more than 2 rows/,
    });
  });

  it("knows a CSV upload by its type, or by its name when sent as bytes", () => {
    expect(isCsvUpload("people.csv", "text/csv")).toBe(true);
    expect(isCsvUpload("export.CSV", "application/octet-stream")).toBe(true);
    expect(isCsvUpload("people.xlsx", "application/octet-stream")).toBe(false);
    expect(isCsvUpload("people.csv", "image/png")).toBe(false);
  });
});
