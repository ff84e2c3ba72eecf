import { db } from "~db/index.server";
import { env } from "~/env.server";
import { log } from "~/lib/log.server";
import { getOrganizer } from "~/modules/organizers/session.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { contentKey, type CheckedFile } from "~/modules/uploads/file-check.server";
import { assertKey, fileStore } from "~/modules/uploads/storage.server";
import type { MediaForm } from "./media.schema";
import { mediaUrl } from "./media";
import type { Locale } from "~/i18n/locales";
import { caseListInLocale, mediaInLocale } from "~/modules/translations/translations.server";
import {
  findCaseIdBySlug,
  findMediaById,
  findMediaBySlug,
  insertCaseDocument,
  insertMedia,
  isMediaKeyInUse,
  listCaseDocuments,
  listMedia,
  setCasePhoto,
  setMediaImage,
  updateMedia,
  type MediaValues,
} from "./media.queries.server";

/**
 * Published help-identify items, newest first, with the case each is linked to (if public), in
 * the page's language where an organizer translated them (`textLocale` says which one each is in).
 */
export async function listPublicMedia(locale: Locale = "en") {
  const rows = await mediaInLocale(await listMedia(db(), { publishedOnly: true }), locale);
  const caseNames = await caseListInLocale(
    rows
      .filter((m) => m.casePublished && m.caseId)
      .map((m) => ({ id: m.caseId as number, fullName: m.caseName ?? "", summary: "" })),
    locale,
  );
  const nameOf = new Map(caseNames.map((c) => [c.id, c.fullName]));
  return rows.map((m) => ({
    ...m,
    imageUrl: mediaUrl(m.imageKey),
    caseSlug: m.casePublished ? m.caseSlug : null,
    caseName: m.casePublished ? (nameOf.get(m.caseId as number) ?? m.caseName) : null,
  }));
}

export function listAllMedia() {
  return listMedia(db(), { publishedOnly: false });
}

export function getMediaForEdit(id: number) {
  return findMediaById(db(), id);
}

export type SaveMediaResult = { ok: true; id: number } | { ok: false; fields: Record<string, string> };

/** Stores a public image under `media/` by its content hash (a new image gets a new address). */
async function storePublic(prefix: string, file: CheckedFile): Promise<string> {
  const key = contentKey(prefix, file.data, file.extension);
  await fileStore().put(key, file.data);
  return key;
}

export async function saveMedia(
  actorId: number,
  id: number | null,
  form: MediaForm,
  image: CheckedFile | null,
): Promise<SaveMediaResult> {
  let caseId: number | null = null;
  if (form.caseSlug) {
    const found = await findCaseIdBySlug(db(), form.caseSlug);
    if (!found) return { ok: false, fields: { caseSlug: "No case file has this slug." } };
    caseId = found.id;
  }
  const clash = await findMediaBySlug(db(), form.slug);
  if (clash && clash.id !== id)
    return { ok: false, fields: { slug: "Another item already uses this slug." } };
  const imageKey = image ? await storePublic("media", image) : null;
  const replaced = id !== null && imageKey ? ((await findMediaById(db(), id))?.imageKey ?? null) : null;
  const values: MediaValues = {
    slug: form.slug,
    title: form.title,
    kind: form.kind,
    description: form.description,
    dateText: form.dateText,
    source: form.source,
    caseId,
    imageAlt: form.imageAlt,
    published: form.published,
  };
  const result = await db()
    .transaction()
    .execute(async (trx) => {
      let mediaId = id;
      if (mediaId === null) {
        const row = await insertMedia(trx, { ...values, imageKey });
        if (!row) return { ok: false, fields: { slug: "Another item already uses this slug." } } as const;
        mediaId = row.id;
      } else {
        await updateMedia(trx, mediaId, values);
        if (imageKey) await setMediaImage(trx, mediaId, imageKey);
      }
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: id === null ? "media.create" : "media.update",
        subjectType: "case_media",
        subjectId: mediaId,
        details: { slug: form.slug, published: form.published, image: imageKey },
      });
      return { ok: true, id: mediaId } as const;
    });
  if (replaced && replaced !== imageKey) await deleteIfUnused(replaced);
  return result;
}

export async function removeMediaImage(actorId: number, id: number) {
  const previous = (await findMediaById(db(), id))?.imageKey ?? null;
  await db()
    .transaction()
    .execute(async (trx) => {
      await setMediaImage(trx, id, null);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "media.image-remove",
        subjectType: "case_media",
        subjectId: id,
      });
    });
  if (previous) await deleteIfUnused(previous);
}

/** A removed or replaced image leaves the disk once no record uses it (keys are shared by content). */
async function deleteIfUnused(key: string) {
  if (await isMediaKeyInUse(db(), key, { publishedOnly: false })) return;
  await fileStore()
    .delete(key)
    .catch((error) => log.warn("could not delete a removed media file", { key, error: String(error) }));
}

/** An uploaded case photo becomes the case's photo address (`/media/…`). */
export async function uploadCasePhoto(actorId: number, caseId: number, image: CheckedFile): Promise<string> {
  const key = await storePublic("media", image);
  const url = mediaUrl(key)!;
  await db()
    .transaction()
    .execute(async (trx) => {
      await setCasePhoto(trx, caseId, url);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "case.photo-upload",
        subjectType: "case",
        subjectId: caseId,
        details: { url },
      });
    });
  return url;
}

/** A source document (PDF or image) for a case timeline, public at `/media/docs/…`. */
export async function uploadCaseDocument(
  actorId: number,
  caseId: number,
  title: string,
  file: CheckedFile,
): Promise<string> {
  const key = await storePublic("media/docs", file);
  await db()
    .transaction()
    .execute(async (trx) => {
      await insertCaseDocument(trx, {
        caseId,
        title,
        storageKey: key,
        contentType: file.contentType,
        bytes: file.data.length,
      });
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "case.document-upload",
        subjectType: "case",
        subjectId: caseId,
        details: { key, title },
      });
    });
  return mediaUrl(key)!;
}

export async function caseDocuments(caseId: number) {
  const rows = await listCaseDocuments(db(), caseId);
  return rows.map((d) => ({ ...d, url: mediaUrl(d.storageKey)! }));
}

const PUBLIC_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
};

export interface ServedFile {
  data: Buffer;
  contentType: string;
  download: boolean;
  /** Public files may be kept MEDIA_MAX_AGE_SECONDS; files not (or no longer) public: never. */
  cacheControl: string;
  etag: string;
}

/**
 * A file by its address below /media/, or null. Only keys under `media/` that a published
 * record uses are public, so a removed or unpublished image answers 404 at once; organizers
 * still see the files of their unpublished records (uncached).
 */
export async function readPublicFile(rest: string, request?: Request): Promise<ServedFile | null> {
  const key = `media/${rest}`;
  try {
    assertKey(key);
  } catch {
    return null;
  }
  const ext = key.split(".").pop() ?? "";
  const contentType = PUBLIC_TYPES[ext];
  if (!contentType) return null;
  let cacheControl = `public, max-age=${env().MEDIA_MAX_AGE_SECONDS}`;
  if (!(await isMediaKeyInUse(db(), key, { publishedOnly: true }))) {
    const organizer = request ? await getOrganizer(request) : null;
    if (!organizer || !(await isMediaKeyInUse(db(), key, { publishedOnly: false }))) return null;
    cacheControl = "private, no-store";
  }
  const data = await fileStore().get(key);
  const etag = `"${key.split("/").pop()!.split(".")[0]}"`;
  return data ? { data, contentType, download: ext === "pdf", cacheControl, etag } : null;
}
