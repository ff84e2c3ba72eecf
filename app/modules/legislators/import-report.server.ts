import { db } from "~db/index.server";
import { findLatestImport } from "./legislators.queries.server";

/** Who the last re-import added, removed and changed, for the organizers' screens. */
export async function latestImportReport() {
  const row = await findLatestImport(db(), "congress");
  if (!row) return null;
  return {
    id: row.id,
    importedAt: row.importedAt,
    source: row.source,
    sourceDate: row.sourceDate,
    added: row.added ?? [],
    removed: row.removed ?? [],
    changed: row.changed ?? [],
  };
}
