import type { Executor } from "~db/index.server";
import type { MediaFields } from "./media";

const columns = [
  "caseMedia.id",
  "caseMedia.slug",
  "caseMedia.title",
  "caseMedia.kind",
  "caseMedia.description",
  "caseMedia.dateText",
  "caseMedia.source",
  "caseMedia.caseId",
  "caseMedia.imageKey",
  "caseMedia.imageAlt",
  "caseMedia.published",
  "caseMedia.updatedAt",
] as const;

export function listMedia(db: Executor, options: { publishedOnly: boolean }) {
  let q = db
    .selectFrom("caseMedia")
    .leftJoin("cases", "cases.id", "caseMedia.caseId")
    .select([
      ...columns,
      "cases.slug as caseSlug",
      "cases.fullName as caseName",
      "cases.published as casePublished",
    ]);
  if (options.publishedOnly) q = q.where("caseMedia.published", "=", true);
  return q.orderBy("caseMedia.createdAt", "desc").orderBy("caseMedia.id", "desc").execute();
}

export function findMediaById(db: Executor, id: number) {
  return db
    .selectFrom("caseMedia")
    .leftJoin("cases", "cases.id", "caseMedia.caseId")
    .select([...columns, "cases.slug as caseSlug"])
    .where("caseMedia.id", "=", id)
    .executeTakeFirst();
}

export function findMediaBySlug(db: Executor, slug: string) {
  return db.selectFrom("caseMedia").select(columns).where("slug", "=", slug).executeTakeFirst();
}

export interface MediaValues extends MediaFields {
  caseId: number | null;
  imageAlt: string | null;
  published: boolean;
}

export function insertMedia(db: Executor, values: MediaValues & { imageKey?: string | null }) {
  return db
    .insertInto("caseMedia")
    .values(values)
    .onConflict((oc) => oc.column("slug").doNothing())
    .returning("id")
    .executeTakeFirst();
}

export async function updateMedia(db: Executor, id: number, values: MediaValues) {
  await db
    .updateTable("caseMedia")
    .set({ ...values, updatedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setMediaImage(db: Executor, id: number, imageKey: string | null) {
  await db.updateTable("caseMedia").set({ imageKey, updatedAt: new Date() }).where("id", "=", id).execute();
}

export async function setCasePhoto(db: Executor, caseId: number, photoUrl: string) {
  await db.updateTable("cases").set({ photoUrl, updatedAt: new Date() }).where("id", "=", caseId).execute();
}

export function insertCaseDocument(
  db: Executor,
  values: { caseId: number; title: string; storageKey: string; contentType: string; bytes: number },
) {
  return db
    .insertInto("caseDocuments")
    .values(values)
    .onConflict((oc) => oc.column("storageKey").doNothing())
    .returning("id")
    .executeTakeFirst();
}

export function listCaseDocuments(db: Executor, caseId: number) {
  return db
    .selectFrom("caseDocuments")
    .select(["id", "title", "storageKey", "contentType", "bytes", "createdAt"])
    .where("caseId", "=", caseId)
    .orderBy("id")
    .execute();
}

export function findCaseIdBySlug(db: Executor, slug: string) {
  return db.selectFrom("cases").select("id").where("slug", "=", slug).executeTakeFirst();
}

/**
 * Whether a stored file under `media/` is used by a record: an item's image, a case's photo, a
 * case's source document. With `publishedOnly`, only records the public can see count.
 */
export async function isMediaKeyInUse(
  db: Executor,
  key: string,
  options: { publishedOnly: boolean },
): Promise<boolean> {
  const { publishedOnly } = options;
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .exists(
          eb
            .selectFrom("caseMedia")
            .select("id")
            .where("imageKey", "=", key)
            .$if(publishedOnly, (q) => q.where("published", "=", true)),
        )
        .as("item"),
      eb
        .exists(
          eb
            .selectFrom("cases")
            .select("id")
            .where("photoUrl", "=", `/${key}`)
            .$if(publishedOnly, (q) => q.where("published", "=", true)),
        )
        .as("photo"),
      eb
        .exists(
          eb
            .selectFrom("caseDocuments")
            .innerJoin("cases", "cases.id", "caseDocuments.caseId")
            .select("caseDocuments.id")
            .where("caseDocuments.storageKey", "=", key)
            .$if(publishedOnly, (q) => q.where("cases.published", "=", true)),
        )
        .as("document"),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.item || row.photo || row.document);
}
