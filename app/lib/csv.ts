/**
 * CSV for spreadsheets, the one rule for every export (signatures, donations, letter packets).
 *
 * A cell that a spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a
 * leading apostrophe (OWASP CSV injection); then RFC 4180 quoting: a cell holding a comma, a
 * quote or a line break is quoted, its quotes doubled. Dates are written in ISO 8601 (UTC),
 * null and undefined as an empty cell.
 */
export function csvCell(value: unknown): string {
  let s = value == null ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, ended by CRLF. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
