import { data } from "@remix-run/node";
import { translateFieldErrors } from "~/i18n/field-errors";
import { fixedT } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n/locales";
import { log } from "~/lib/log.server";
import { fieldErrors } from "~/lib/validation";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { checkFile, type CheckedFile } from "~/modules/uploads/file-check.server";
import { parseUpload, STORAGE_FAILED_MESSAGE } from "~/modules/uploads/multipart.server";
import { isStorageError } from "~/modules/uploads/storage.server";
import { formatBytes } from "~/modules/uploads/uploads";
import { replyFormSchema } from "./statements.schema";
import { submitReply } from "./statements.server";

export const replyRateLimit = defineRateLimit("office-replies", "Office replies sent in per visitor", {
  max: 10,
  windowSeconds: 3600,
});

const REPLY_UPLOAD_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxFiles: 1, maxFieldBytes: 256 * 1024 };
/**
 * POST on the delivery page: a reply from an office, pasted or as a scan, goes to the triage
 * queue unverified. Any refusal shows a message and saves nothing (no row, no file). Messages are
 * in the page's language (English pages keep the schema's and the file check's own words).
 */
export async function handleReplySubmission(
  request: Request,
  token: string,
  clientIp: string,
  locale: Locale,
) {
  const t = await fixedT(locale);
  const NOT_SENT = t("reply.notSent");
  const answer = (status: number, fields: Record<string, string>, message: string) =>
    data(
      { sent: false, fields: translateFieldErrors(fields, locale, t, "replyErrors"), message },
      { status },
    );
  const limit = await hitRateLimit(replyRateLimit, clientIp);
  if (!limit.ok) return answer(429, {}, t("reply.tooMany"));
  const upload = await parseUpload(request, REPLY_UPLOAD_LIMITS);
  try {
    if (upload.storageFailed) return answer(503, { scan: STORAGE_FAILED_MESSAGE }, NOT_SENT);
    const parsed = replyFormSchema.safeParse(upload.fields);
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    if (upload.errors.length)
      fields.scan = `${upload.errors.join(" ")} A scan is at most ${formatBytes(REPLY_UPLOAD_LIMITS.maxFileBytes)}. Nothing was saved.`;
    let scan: CheckedFile | null = null;
    if (!fields.scan && upload.files[0]) {
      const checked = await checkFile(upload.files[0], ["image", "pdf"], { maxImageSide: 3000 });
      if (checked.ok) scan = checked.file;
      else fields.scan = `${checked.message} Nothing was saved.`;
    }
    if (!parsed.success || Object.keys(fields).length) return answer(400, fields, NOT_SENT);
    let result;
    try {
      result = await submitReply(token, parsed.data, scan);
    } catch (error) {
      if (!isStorageError(error)) throw error;
      log.error("reply scan could not be stored", { error: String(error) });
      return answer(503, { scan: STORAGE_FAILED_MESSAGE }, NOT_SENT);
    }
    if (!result.ok) return answer(400, result.fields, NOT_SENT);
    return {
      sent: true,
      fields: {} as Record<string, string>,
      message: t("reply.sent"),
    };
  } finally {
    await upload.cleanup();
  }
}
