import { data, redirect } from "@remix-run/node";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { type Locale, localizedPath } from "~/i18n/locales";
import { fieldErrors } from "~/lib/validation";
import { log } from "~/lib/log.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { hashIp } from "~/modules/security/ip-hash.server";
import { checkFile, requestPixelBudget, type CheckedFile } from "~/modules/uploads/file-check.server";
import { parseUpload, STORAGE_FAILED_MESSAGE } from "~/modules/uploads/multipart.server";
import { describeProblem } from "~/modules/uploads/upload-problems";
import { isStorageError } from "~/modules/uploads/storage.server";
import { TIP_LIMITS } from "./tips";
import { TIP_FIELDS, tipFormSchema } from "./tips.schema";
import { submitTip, tipRateLimit } from "./tips.server";

/** The honeypot: a field people never see; bots fill it. */
export const HONEYPOT_FIELD = "fax_number";

export type TipFormValues = Partial<Record<(typeof TIP_FIELDS)[number], string>>;

function formValues(fields: Record<string, string>): TipFormValues {
  return Object.fromEntries(TIP_FIELDS.map((k) => [k, fields[k] ?? ""]));
}

function refused(status: number, values: TipFormValues, fields: Record<string, string>, message: string) {
  return data({ values, fields, message }, { status });
}

type Translate = Awaited<ReturnType<typeof fixedT>>;

/** The schema's field messages in the page's language (the schema's own are the English ones). */
function translatedFields(locale: Locale, t: Translate, fields: Record<string, string>, body: string) {
  if (locale === "en") return fields;
  const out: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    if (key === "body")
      out.body = body.trim()
        ? t("tipErrors.bodyLong", { max: new Intl.NumberFormat(locale).format(TIP_LIMITS.maxChars) })
        : t("tipErrors.bodyEmpty");
    else if (key === "name" || key === "email" || key === "phone") out[key] = t(`tipErrors.${key}`);
    else out[key] = fields[key];
  }
  return out;
}

/**
 * POST /tips/new (and /ko/tips/new...): rate limit, stream the multipart body, validate, check
 * every file by its content, then save. Any refusal re-renders the form with a message (in the
 * page's language) and stores nothing. The tip keeps the page's language; the receipt uses it.
 */
export async function handleTipSubmission(request: Request, clientIp: string) {
  const locale = requestLocale(request);
  const t = await fixedT(locale);
  const limit = await hitRateLimit(tipRateLimit, clientIp);
  if (!limit.ok) {
    return data(
      {
        values: {} as TipFormValues,
        fields: {} as Record<string, string>,
        message: t("tipErrors.rate", { count: Math.ceil(limit.retryAfterSeconds / 60) }),
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const upload = await parseUpload(request, {
    maxFileBytes: TIP_LIMITS.maxFileBytes,
    maxFiles: TIP_LIMITS.maxFiles,
    maxFieldBytes: 1024 * 1024,
  });
  try {
    const values = formValues(upload.fields);
    if (upload.fields[HONEYPOT_FIELD]) {
      log.info("tip honeypot filled; nothing stored");
      throw redirect(localizedPath(locale, "/tips/sent"));
    }
    const notStored = () =>
      refused(
        503,
        values,
        { attachments: locale === "en" ? STORAGE_FAILED_MESSAGE : t("fileErrors.storage") },
        t("tipErrors.stored"),
      );
    if (upload.storageFailed) return notStored();
    const parsed = tipFormSchema.safeParse(upload.fields);
    const fields = parsed.success
      ? {}
      : translatedFields(locale, t, fieldErrors(parsed.error), values.body ?? "");
    const fileErrors = [...upload.errors];
    const problems = [...upload.problems];
    const checked: CheckedFile[] = [];
    if (!fileErrors.length) {
      const budget = requestPixelBudget();
      for (const file of upload.files) {
        const result = await checkFile(file, ["image", "pdf"], { budget });
        if (result.ok) checked.push(result.file);
        else {
          fileErrors.push(result.message);
          problems.push(result.problem);
        }
      }
    }
    if (fileErrors.length)
      fields.attachments =
        locale === "en"
          ? `${fileErrors.join(" ")} Nothing was saved: please choose the files again.`
          : `${problems.map((p) => describeProblem(p, t, locale)).join(" ")} ${t("fileErrors.again")}`;
    if (!parsed.success || fileErrors.length) return refused(400, values, fields, t("tipErrors.form"));
    let tip;
    try {
      tip = await submitTip(parsed.data, checked, hashIp(clientIp), locale);
    } catch (error) {
      if (!isStorageError(error)) throw error;
      log.error("tip files could not be stored", { error: String(error) });
      return notStored();
    }
    throw redirect(`${localizedPath(locale, "/tips/sent")}?ref=${encodeURIComponent(tip.reference)}`);
  } finally {
    await upload.cleanup();
  }
}
