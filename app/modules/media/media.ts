import type { MediaKind } from "~db/schema";

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  photo: "Photograph",
  film_still: "Film still",
};

/** The public address of a stored public file (`media/ab12.jpg` -> `/media/ab12.jpg`). */
export function mediaUrl(key: string | null | undefined): string | null {
  return key ? `/${key}` : null;
}
