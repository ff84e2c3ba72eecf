import { data, redirect } from "@remix-run/node";
import { fieldErrors } from "~/lib/validation";
import { checkFile } from "~/modules/uploads/file-check.server";
import { parseUpload, STORAGE_FAILED_MESSAGE } from "~/modules/uploads/multipart.server";
import { isStorageError } from "~/modules/uploads/storage.server";
import { mediaFormSchema, mediaFormValues } from "./media.schema";
import { removeMediaImage, saveMedia, uploadCaseDocument, uploadCasePhoto } from "./media.server";
import { invalid } from "~/lib/input.server";

export const ADMIN_UPLOAD_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxFiles: 1, maxFieldBytes: 64 * 1024 };

/** The shared action of the media editor (new and edit): preview, or validate, store the image and save. */
export async function handleMediaEditor(request: Request, actorId: number, id: number | null) {
  const upload = await parseUpload(request, ADMIN_UPLOAD_LIMITS);
  try {
    const values = mediaFormValues(upload.fields);
    if (id !== null && upload.fields.intent === "remove-image") {
      await removeMediaImage(actorId, id);
      throw redirect(`/admin/media/${id}?saved=1`);
    }
    if (upload.storageFailed)
      return data(
        { fields: { image: upload.errors.join(" ") } as Record<string, string>, preview: false, values },
        { status: 503 },
      );
    if (upload.fields.intent === "preview")
      return data({ fields: {} as Record<string, string>, preview: true, values });
    const parsed = mediaFormSchema.safeParse(upload.fields);
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    if (upload.errors.length) fields.image = upload.errors.join(" ");
    let image = null;
    if (!fields.image && upload.files[0]) {
      const checked = await checkFile(upload.files[0], ["image"], { maxImageSide: 2000 });
      if (checked.ok) image = checked.file;
      else fields.image = checked.message;
    }
    if (!parsed.success || Object.keys(fields).length) return invalid(fields, { preview: false, values });
    const result = await saveMedia(actorId, id, parsed.data, image).catch((error: unknown) => {
      if (isStorageError(error))
        return { ok: false as const, fields: { image: STORAGE_FAILED_MESSAGE }, status: 503 };
      throw error;
    });
    if (!result.ok && "status" in result)
      return data({ fields: result.fields, preview: false, values }, { status: result.status });
    if (!result.ok) return invalid(result.fields, { preview: false, values });
    throw redirect(`/admin/media/${result.id}?saved=1`);
  } finally {
    await upload.cleanup();
  }
}

/** The case editor's upload form: a case photo, or a source document for the timeline. */
export async function handleCaseUpload(request: Request, actorId: number, caseId: number) {
  const upload = await parseUpload(request, ADMIN_UPLOAD_LIMITS);
  try {
    const kind: "photo" | "document" = upload.fields.intent === "document" ? "document" : "photo";
    const fail = (message: string, status = 400) =>
      data({ upload: { kind, error: message, url: null as string | null } }, { status });
    if (upload.storageFailed) return fail(upload.errors.join(" "), 503);
    if (upload.errors.length) return fail(upload.errors.join(" "));
    const file = upload.files[0];
    if (!file) return fail("Choose a file to upload.");
    const title = (upload.fields.title ?? "").trim().slice(0, 200);
    if (kind === "document" && title.length < 3)
      return fail("Give the document a title (at least 3 characters).");
    const checked = await checkFile(file, kind === "photo" ? ["image"] : ["image", "pdf"], {
      maxImageSide: 2000,
    });
    if (!checked.ok) return fail(checked.message);
    let url: string;
    try {
      url =
        kind === "photo"
          ? await uploadCasePhoto(actorId, caseId, checked.file)
          : await uploadCaseDocument(actorId, caseId, title, checked.file);
    } catch (error) {
      if (isStorageError(error)) return fail(STORAGE_FAILED_MESSAGE, 503);
      throw error;
    }
    return data({ upload: { kind, error: null as string | null, url } });
  } finally {
    await upload.cleanup();
  }
}
