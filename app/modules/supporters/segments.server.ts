import { db, type Executor } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { findSegment, insertSegment, listSegments } from "./segments.queries.server";
import { segmentMembers } from "./supporters-admin.queries.server";
import { type SupporterSearch, supporterSearchSchema } from "./supporters-admin.schema";

/*
 * Saved segments: a supporter search kept under a name. An update whose audience is a segment
 * finds its members when it is sent (the filters are kept, not the people), and the mail area
 * applies consent and suppression to them as to every audience.
 */

const SEGMENT_KEY = /^segment:([1-9][0-9]{0,11})$/;

/** The filters as kept: the search's, without the page. */
function filtersOf(search: SupporterSearch) {
  const { page: _page, ...filters } = search;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

export async function saveSegment(organizerId: number, name: string, search: SupporterSearch) {
  const filters = filtersOf(search);
  if (!Object.keys(filters).length)
    return { ok: false as const, message: "Search for someone first: a segment of everyone is not one." };
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertSegment(trx, { name, filters, createdBy: organizerId });
      if (!row) return { ok: false as const, message: `There is a segment called “${name}” already.` };
      await insertAuditEntry(trx, {
        organizerId,
        action: "segment.create",
        subjectType: "supporter_segment",
        subjectId: row.id,
        details: { name, filters },
      });
      return { ok: true as const, id: row.id };
    });
}

/** Each segment with its filters as a search query string (the search page links to it). */
export async function segmentsForSearch() {
  const rows = await listSegments(db());
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    query: new URLSearchParams(
      Object.entries(s.filters).map(([k, v]) => [k, String(v)] as [string, string]),
    ).toString(),
  }));
}

/** Segments as update audiences ("segment:<id>"). */
export async function segmentAudiences() {
  const rows = await listSegments(db());
  return rows.map((s) => ({ key: `segment:${s.id}`, label: `Segment: ${s.name}`, needsCampaign: false }));
}

/** The audience of a key "segment:<id>": its members now, by the filters kept; null if there is none. */
export async function segmentAudience(executor: Executor, key: string) {
  const m = SEGMENT_KEY.exec(key);
  const segment = m ? await findSegment(executor, Number(m[1])) : undefined;
  if (!segment) return null;
  const search = supporterSearchSchema.parse(segment.filters);
  return {
    key,
    label: `Segment: ${segment.name}`,
    needsCampaign: false,
    selectRecipients: (trx: Executor) => segmentMembers(trx, search),
  };
}
