import { data, redirect } from "@remix-run/node";
import { invalid } from "~/lib/input.server";
import { log } from "~/lib/log.server";
import { fieldErrors } from "~/lib/validation";
import { checkFile } from "~/modules/uploads/file-check.server";
import { parseUpload, STORAGE_FAILED_MESSAGE } from "~/modules/uploads/multipart.server";
import { isStorageError } from "~/modules/uploads/storage.server";
import { formatBytes } from "~/modules/uploads/uploads";
import { statementFormSchema } from "./statements.schema";
import { recordStatement } from "./statements.server";

/** One uploaded letter or scan per statement, as large as a case document. */
export const STATEMENT_UPLOAD_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 1,
  maxFieldBytes: 64 * 1024,
};

/**
 * The "record a statement" post (multipart, with an optional scan): validate the fields, check
 * the file by its content, then store file and row together. Any refusal re-renders the form
 * with a message and saves nothing (no row, no file).
 */
export async function handleRecordStatement(request: Request, organizerId: number, campaignId: number) {
  const upload = await parseUpload(request, STATEMENT_UPLOAD_LIMITS);
  try {
    const values = upload.fields;
    if (upload.storageFailed)
      return data({ values, fields: { scan: STORAGE_FAILED_MESSAGE }, saved: null }, { status: 503 });
    const parsed = statementFormSchema.safeParse(values);
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    if (upload.errors.length)
      fields.scan = `${upload.errors.join(" ")} Scans are at most ${formatBytes(STATEMENT_UPLOAD_LIMITS.maxFileBytes)}. Nothing was saved.`;
    let scan = null;
    if (!fields.scan && upload.files[0]) {
      const checked = await checkFile(upload.files[0], ["image", "pdf"], { maxImageSide: 3000 });
      if (checked.ok) scan = checked.file;
      else fields.scan = `${checked.message} Nothing was saved.`;
    }
    if (!parsed.success || Object.keys(fields).length) return invalid(fields, { values, saved: null });
    let result;
    try {
      result = await recordStatement(organizerId, campaignId, parsed.data, scan);
    } catch (error) {
      if (!isStorageError(error)) throw error;
      log.error("statement scan could not be stored", { error: String(error) });
      return data({ values, fields: { scan: STORAGE_FAILED_MESSAGE }, saved: null }, { status: 503 });
    }
    if (!result.ok) return invalid(result.fields, { values, saved: null });
    throw redirect(`/admin/campaigns/${campaignId}/statements?recorded=${result.id}`);
  } finally {
    await upload.cleanup();
  }
}
