import type { Selectable } from "kysely";
import type { CaseMediaTable, MediaKind } from "~db/schema";

/** The fields of a media item that every view and editor shares (the case_media row's own). */
export type MediaFields = Pick<
  Selectable<CaseMediaTable>,
  "slug" | "title" | "kind" | "description" | "dateText" | "source"
>;

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  photo: "Photograph",
  film_still: "Film still",
};

/** The public address of a stored public file (`media/ab12.jpg` -> `/media/ab12.jpg`). */
export function mediaUrl(key: string | null | undefined): string | null {
  return key ? `/${key}` : null;
}
