import type { Executor } from "~db/index.server";

export interface AuditEntry {
  organizerId: number | null;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  details?: Record<string, unknown>;
}

export async function insertAuditEntry(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("auditLog")
    .values({
      organizerId: entry.organizerId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId == null ? null : String(entry.subjectId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listAuditEntries(
  db: Executor,
  options: { limit: number; offset: number; action?: string },
) {
  let q = db
    .selectFrom("auditLog")
    .leftJoin("organizers", "organizers.id", "auditLog.organizerId")
    .select([
      "auditLog.id",
      "auditLog.action",
      "auditLog.subjectType",
      "auditLog.subjectId",
      "auditLog.details",
      "auditLog.createdAt",
      "organizers.name as organizerName",
      "organizers.email as organizerEmail",
    ])
    .orderBy("auditLog.id", "desc")
    .limit(options.limit)
    .offset(options.offset);
  if (options.action) q = q.where("auditLog.action", "like", `${options.action}%`);
  return q.execute();
}
