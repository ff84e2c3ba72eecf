import { db } from "~db/index.server";
import { listAuditEntries } from "./audit.queries.server";

export const AUDIT_PAGE_SIZE = 100;

/** One page of the audit log, newest first. */
export async function auditPage(page: number) {
  const entries = await listAuditEntries(db(), {
    limit: AUDIT_PAGE_SIZE + 1,
    offset: page * AUDIT_PAGE_SIZE,
  });
  return { entries: entries.slice(0, AUDIT_PAGE_SIZE), more: entries.length > AUDIT_PAGE_SIZE };
}
