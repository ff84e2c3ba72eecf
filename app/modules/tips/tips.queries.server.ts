import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { TipStatus } from "~db/schema";

/** Tips with the case and the help-identify item each is about (either may be absent). */
function tipsWithSubjects(db: Executor) {
  return db
    .selectFrom("tips")
    .leftJoin("cases", "cases.id", "tips.caseId")
    .leftJoin("caseMedia", "caseMedia.id", "tips.mediaId");
}

export function insertTip(
  db: Executor,
  values: {
    reference: string;
    caseId: number | null;
    mediaId: number | null;
    body: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    ipHash: string | null;
    language: string;
  },
) {
  return db.insertInto("tips").values(values).returning(["id", "reference"]).executeTakeFirstOrThrow();
}

export async function insertTipAttachments(
  db: Executor,
  tipId: number,
  files: Array<{ storageKey: string; filename: string; contentType: string; bytes: number }>,
) {
  if (files.length)
    await db
      .insertInto("tipAttachments")
      .values(files.map((f) => ({ tipId, ...f })))
      .execute();
}

export interface TipQuery {
  status?: TipStatus;
  assignedTo?: number | "none";
  caseSlug?: string;
  /** A prefix tsquery (cases' toPrefixQuery) over the reference and text. */
  tsquery?: string | null;
  /**
   * The same words matched anywhere in the text: Chinese is written without spaces and Korean
   * joins particles to words, so a word-based tsquery alone misses them.
   */
  words?: string[];
  needsTranslation?: boolean;
  limit: number;
  offset: number;
}

/** The triage queue: never selects contact details (the list is the same for every role). */
export function listTips(db: Executor, query: TipQuery) {
  let q = tipsWithSubjects(db)
    .leftJoin("organizers", "organizers.id", "tips.assignedTo")
    .select((eb) => [
      "tips.id",
      "tips.reference",
      "tips.status",
      "tips.createdAt",
      "tips.forwardedTo",
      "tips.language",
      "tips.needsTranslation",
      sql<string>`left(tips.body, 160)`.as("excerpt"),
      "cases.fullName as caseName",
      "caseMedia.title as mediaTitle",
      "organizers.name as assigneeName",
      eb
        .selectFrom("tipAttachments")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("tipAttachments.tipId", "=", "tips.id")
        .as("attachmentCount"),
    ]);
  if (query.status) q = q.where("tips.status", "=", query.status);
  if (query.assignedTo === "none") q = q.where("tips.assignedTo", "is", null);
  else if (query.assignedTo) q = q.where("tips.assignedTo", "=", query.assignedTo);
  if (query.caseSlug) q = q.where("cases.slug", "=", query.caseSlug);
  if (query.needsTranslation) q = q.where("tips.needsTranslation", "=", true);
  if (query.tsquery) {
    const tsquery = query.tsquery;
    const words = query.words ?? [];
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`tips.search @@ to_tsquery('simple', ${tsquery})`,
        ...(words.length
          ? [
              eb.and(
                words.map(
                  (w) =>
                    sql<boolean>`strpos(lower(tips.body collate "und-x-icu"), lower(${w}::text collate "und-x-icu")) > 0`,
                ),
              ),
            ]
          : []),
      ]),
    );
  }
  return q
    .orderBy("tips.createdAt", "desc")
    .orderBy("tips.id", "desc")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export function countTipsByStatus(db: Executor) {
  return db
    .selectFrom("tips")
    .select(["status", db.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
}

export function findTip(db: Executor, id: number) {
  return tipsWithSubjects(db)
    .select([
      "tips.id",
      "tips.reference",
      "tips.body",
      "tips.name",
      "tips.email",
      "tips.phone",
      "tips.status",
      "tips.language",
      "tips.needsTranslation",
      "tips.forwardedTo",
      "tips.forwardedOn",
      "tips.assignedTo",
      "tips.createdAt",
      "tips.updatedAt",
      "cases.slug as caseSlug",
      "cases.fullName as caseName",
      "caseMedia.slug as mediaSlug",
      "caseMedia.title as mediaTitle",
      "caseMedia.id as mediaId",
    ])
    .where("tips.id", "=", id)
    .executeTakeFirst();
}

export function listTipAttachments(db: Executor, tipId: number) {
  return db
    .selectFrom("tipAttachments")
    .select(["id", "filename", "contentType", "bytes"])
    .where("tipId", "=", tipId)
    .orderBy("id")
    .execute();
}

export function findTipAttachment(db: Executor, tipId: number, id: number) {
  return db
    .selectFrom("tipAttachments")
    .selectAll()
    .where("tipId", "=", tipId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function listTipNotes(db: Executor, tipId: number) {
  return db
    .selectFrom("tipNotes")
    .leftJoin("organizers", "organizers.id", "tipNotes.organizerId")
    .select(["tipNotes.id", "tipNotes.body", "tipNotes.createdAt", "organizers.name as authorName"])
    .where("tipNotes.tipId", "=", tipId)
    .orderBy("tipNotes.id")
    .execute();
}

export async function updateTipTriage(
  db: Executor,
  id: number,
  values: {
    status: TipStatus;
    assignedTo: number | null;
    caseId: number | null;
    forwardedTo: string | null;
    forwardedOn: string | null;
  },
) {
  await db
    .updateTable("tips")
    .set({ ...values, updatedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setTipNeedsTranslation(db: Executor, id: number, needed: boolean) {
  await db
    .updateTable("tips")
    .set({ needsTranslation: needed, updatedAt: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function insertTipNote(
  db: Executor,
  values: { tipId: number; organizerId: number; body: string },
) {
  await db.insertInto("tipNotes").values(values).execute();
}

export function listActiveOrganizers(db: Executor) {
  return db
    .selectFrom("organizers")
    .select(["id", "name", "email", "role"])
    .where("disabledAt", "is", null)
    .orderBy("name")
    .execute();
}

export function findCaseRef(db: Executor, slug: string) {
  return db
    .selectFrom("cases")
    .select(["id", "slug", "fullName", "published"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export function findMediaRef(db: Executor, slug: string) {
  return db
    .selectFrom("caseMedia")
    .select(["id", "slug", "title", "published", "imageKey", "caseId"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** Tips no digest has mentioned yet, locked so two digest runs never both take one. */
export function lockUnalertedTips(db: Executor, limit: number) {
  return tipsWithSubjects(db)
    .select([
      "tips.id",
      "tips.reference",
      "tips.assignedTo",
      "tips.createdAt",
      "cases.fullName as caseName",
      "caseMedia.title as mediaTitle",
    ])
    .where("tips.alertedAt", "is", null)
    .orderBy("tips.id")
    .limit(limit)
    .forUpdate("tips")
    .skipLocked()
    .execute();
}

export async function markTipsAlerted(db: Executor, ids: number[]) {
  if (ids.length)
    await db.updateTable("tips").set({ alertedAt: new Date() }).where("id", "in", ids).execute();
}
