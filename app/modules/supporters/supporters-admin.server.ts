import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { can } from "~/modules/organizers/organizers";
import { eraseSupporter } from "./erasure.server";
import { activeSubscriptions, supporterRecord } from "./record.server";
import {
  deleteSupporterTag,
  insertSupporterTag,
  listAllTags,
  listSupporterTags,
  searchSupporters,
} from "./supporters-admin.queries.server";
import type { SupporterSearch } from "./supporters-admin.schema";

const PAGE = 50;

export async function supporterSearchPage(search: SupporterSearch) {
  const page = search.page ?? 0;
  const [rows, tags] = await Promise.all([
    searchSupporters(db(), search, PAGE + 1, page * PAGE),
    listAllTags(db()),
  ]);
  return { rows: rows.slice(0, PAGE), more: rows.length > PAGE, page, tags: tags.map((t) => t.tag) };
}

/**
 * One person across every action, as an organizer may see them: gifts only for roles that may
 * read donors' contact (owners), tips only for roles that may see tipsters; both are removed
 * on the server, never only hidden on the page.
 */
export async function supporterAdminPage(role: OrganizerRole, supporterId: number) {
  const record = await supporterRecord(supporterId);
  if (!record || record.supporter.erasedAt) return null;
  const tags = await listSupporterTags(db(), supporterId);
  return {
    ...record,
    tags: tags.map((t) => t.tag),
    canTag: can(role, "edit-content"),
    donations: can(role, "read-donor-contact") ? record.donations : null,
    tips: can(role, "read-private-contact") ? record.tips : null,
    subscriptions: activeSubscriptions(record),
    canErase: can(role, "erase-supporters"),
  };
}

/** An owner erases a supporter on a request received elsewhere (a letter, a phone call). */
export function eraseSupporterForOwner(organizerId: number, supporterId: number) {
  return eraseSupporter(supporterId, { by: "organizer", organizerId });
}

/** Tags organizers add and remove (editors and owners); a tag added twice is one tag. */
export async function tagSupporter(organizerId: number, supporterId: number, tag: string, on: boolean) {
  if (on) await insertSupporterTag(db(), supporterId, tag, organizerId);
  else await deleteSupporterTag(db(), supporterId, tag);
}
