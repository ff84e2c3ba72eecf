import { readFile } from "node:fs/promises";
import { data } from "@remix-run/node";
import { db } from "~db/index.server";
import type { ImportRowError } from "~db/schema";
import { env } from "~/env.server";
import { fieldErrors } from "~/lib/validation";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { addJob } from "~/modules/jobs/jobs.queries.server";
import { parseUpload, STORAGE_FAILED_MESSAGE } from "~/modules/uploads/multipart.server";
import { isCsvUpload, readCsv } from "./import-csv";
import {
  findImport,
  findKnownAddresses,
  importNextRows,
  insertImport,
  insertImportRows,
  listImports,
  markImportDone,
} from "./import.queries.server";
import {
  checkRecord,
  FORMULA_MESSAGE,
  type ImportForm,
  type ImportRow,
  importFormSchema,
  mapHeader,
} from "./import.schema";

/** At most this many row errors are kept with an import (the counts stay exact). */
const ERRORS_KEPT = 1000;
const BATCH = 1000;

export interface CheckedFile {
  rows: ImportRow[];
  errors: ImportRowError[];
  /** Rows with errors (each may have several). */
  skipped: number;
}

/** The whole file checked, row by row, without writing; or why the file as a whole is refused. */
export function checkImportFile(
  bytes: Uint8Array,
): { ok: true; file: CheckedFile } | { ok: false; message: string } {
  const read = readCsv(bytes, env().SUPPORTER_IMPORT_MAX_ROWS);
  if (!read.ok) return read;
  const [header, ...records] = read.records;
  const mapped = mapHeader(header);
  if (!mapped.ok) return mapped;
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRow = new Map<string, number>();
  let skipped = 0;
  records.forEach((record, i) => {
    const row = i + 2; // the file's line as a spreadsheet numbers it: the header is row 1
    const checked = checkRecord(record, row, mapped.at);
    if (!checked.ok) {
      skipped++;
      errors.push(...checked.errors);
      return;
    }
    const earlier = firstRow.get(checked.value.emailCanonical);
    if (earlier !== undefined) {
      skipped++;
      errors.push({
        row,
        field: "email",
        message: `The same person as row ${earlier}; only row ${earlier} is imported.`,
      });
      return;
    }
    firstRow.set(checked.value.emailCanonical, row);
    rows.push(checked.value);
  });
  const formulas = errors.filter((e) => e.message === FORMULA_MESSAGE);
  if (formulas.length)
    return {
      ok: false,
      message: `The file holds cells that a spreadsheet would run as formulas (starting with =, +, - or @): ${formulas
        .slice(0, 5)
        .map((e) => `row ${e.row}, ${e.field}`)
        .join(
          "; ",
        )}${formulas.length > 5 ? ` and ${(formulas.length - 5).toLocaleString("en-US")} more` : ""}. Nothing was imported: remove the formulas and upload it again.`,
    };
  return { ok: true, file: { rows, errors, skipped } };
}

export type ImportAnswer =
  | { kind: "refused"; fields: Record<string, string>; message: string }
  | {
      kind: "checked";
      total: number;
      wouldCreate: number;
      wouldUpdate: number;
      skipped: number;
      errors: ImportRowError[];
    }
  | { kind: "started"; id: number };

const refuse = (status: number, fields: Record<string, string>, message: string) =>
  data<ImportAnswer>({ kind: "refused", fields, message }, { status });

/**
 * POST on the import page: the file (multipart, at most the configured size) and the form are
 * checked whole first; a refusal writes nothing. "check" answers the dry run; "import" stores the
 * checked rows and adds the job in one transaction, and answers the new import's id.
 */
export async function handleImportUpload(request: Request, organizerId: number) {
  const maxFileBytes = env().SUPPORTER_IMPORT_MAX_BYTES;
  const upload = await parseUpload(request, { maxFileBytes, maxFiles: 1, maxFieldBytes: 8 * 1024 });
  try {
    if (upload.storageFailed) return refuse(503, { file: STORAGE_FAILED_MESSAGE }, STORAGE_FAILED_MESSAGE);
    const parsed = importFormSchema.safeParse(upload.fields);
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    const file = upload.files[0];
    if (upload.errors.length) fields.file = upload.errors.join(" ");
    else if (!file) fields.file = "Choose the CSV file to import.";
    else if (!isCsvUpload(file.filename, file.declaredType))
      fields.file = `“${file.filename}” is not a CSV file (it was sent as ${file.declaredType || "an unknown type"}). Export the people as CSV and upload that.`;
    if (!parsed.success || Object.keys(fields).length || !file)
      return refuse(upload.errors.length ? 413 : 400, fields, "Nothing was imported.");
    const checked = checkImportFile(await readFile(file.tempPath));
    if (!checked.ok) return refuse(400, { file: checked.message }, "Nothing was imported.");
    if (parsed.data.intent === "check") return data<ImportAnswer>(await dryRun(checked.file));
    const id = await startImport(organizerId, parsed.data, file.filename, checked.file);
    return data<ImportAnswer>({ kind: "started", id });
  } finally {
    await upload.cleanup();
  }
}

async function dryRun(file: CheckedFile): Promise<ImportAnswer> {
  const known = await findKnownAddresses(
    db(),
    file.rows.map((r) => r.emailCanonical),
  );
  const wouldUpdate = file.rows.filter((r) => known.has(r.emailCanonical)).length;
  return {
    kind: "checked",
    total: file.rows.length + file.skipped,
    wouldCreate: file.rows.length - wouldUpdate,
    wouldUpdate,
    skipped: file.skipped,
    errors: file.errors.slice(0, ERRORS_KEPT),
  };
}

/** The import row, its checked rows and its job, in one transaction (all or nothing). */
export function startImport(organizerId: number, form: ImportForm, filename: string, file: CheckedFile) {
  return db()
    .transaction()
    .execute(async (trx) => {
      const { id } = await insertImport(trx, {
        createdBy: organizerId,
        sourceTool: form.sourceTool,
        wording: form.wording,
        filename: filename.slice(0, 200),
        totalRows: file.rows.length,
        skippedCount: file.skipped,
        rowErrors: file.errors.slice(0, ERRORS_KEPT),
      });
      await insertImportRows(trx, id, file.rows);
      await addJob(trx, "import_supporters", { id }, { jobKey: `import_supporters:${id}`, maxAttempts: 10 });
      await insertAuditEntry(trx, {
        organizerId,
        action: "supporters.import",
        subjectType: "supporter_import",
        subjectId: id,
        details: { sourceTool: form.sourceTool, rows: file.rows.length, skipped: file.skipped },
      });
      return id;
    });
}

/**
 * The job: the waiting rows in batches, each batch one transaction that also moves the import's
 * counts, so a job stopped anywhere resumes with the rows not yet imported (never twice).
 */
export async function runImport(id: number, options: { batchSize?: number; stopAfterBatches?: number } = {}) {
  const imp = await findImport(db(), id);
  if (!imp || imp.status === "done") return { rows: 0, done: true };
  let rows = 0;
  for (let batch = 0; ; batch++) {
    if (options.stopAfterBatches !== undefined && batch >= options.stopAfterBatches)
      return { rows, done: false };
    const done = await db()
      .transaction()
      .execute((trx) => importNextRows(trx, imp, options.batchSize ?? BATCH));
    rows += done.rows;
    if (done.rows === 0) break;
  }
  await markImportDone(db(), id);
  return { rows, done: true };
}

export function getImport(id: number) {
  return findImport(db(), id);
}

export function recentImports() {
  return listImports(db(), 20);
}
