import type { TFunction } from "i18next";
import type { Locale } from "./locales";

/**
 * A form's field errors for a translated page: the English schemas say exactly what is wrong in
 * English; on a page in another language each field gets its own translated message from one
 * section of the interface text (`signErrors.email`), or the section's `other`. English pages
 * keep the schema's own words.
 */
export function translateFieldErrors(
  fields: Record<string, string>,
  locale: Locale,
  t: TFunction,
  section: "signErrors" | "giveErrors" | "letterErrors" | "replyErrors",
  values: Record<string, unknown> = {},
): Record<string, string> {
  if (locale === "en") return fields;
  return Object.fromEntries(
    Object.keys(fields).map((key) => [
      key,
      t(`${section}.${key}`, { ...values, defaultValue: t(`${section}.other`) }),
    ]),
  );
}
