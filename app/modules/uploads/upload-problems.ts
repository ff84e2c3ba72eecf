import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/locales";

/**
 * What was wrong with an uploaded file or form, as data beside the English message, so a page in
 * another language can say it in its own words (the tip form on /ko/tips/new).
 */
export type UploadProblem =
  | { code: "tooLarge"; name: string; bytes: number; max: number }
  | { code: "empty" | "wrongType" | "unreadable"; name: string }
  | { code: "tooMany"; count: number }
  | { code: "pixels"; name: string; pixels: number; max: number }
  | { code: "budget"; name: string; max: number }
  | { code: "broken" | "fieldLong" | "nul" | "storage" };

function size(bytes: number, locale: Locale): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mb ? "megabyte" : "kilobyte",
    maximumFractionDigits: 1,
  }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

/** One problem in a page's language (the `fileErrors` section of the interface text). */
export function describeProblem(problem: UploadProblem, t: TFunction, locale: Locale): string {
  const mp = (n: number) => {
    const count = Math.round(n / 100_000) / 10;
    return t("fileErrors.megapixels", { count, formatParams: { count: { maximumFractionDigits: 1 } } });
  };
  switch (problem.code) {
    case "tooLarge":
      return t("fileErrors.tooLarge", {
        name: problem.name,
        size: size(problem.bytes, locale),
        max: size(problem.max, locale),
      });
    case "tooMany":
      return t("fileErrors.tooMany", { count: problem.count });
    case "pixels":
      return t("fileErrors.pixels", { name: problem.name, size: mp(problem.pixels), max: mp(problem.max) });
    case "budget":
      return t("fileErrors.budget", { name: problem.name, max: mp(problem.max) });
    case "empty":
    case "wrongType":
    case "unreadable":
      return t(`fileErrors.${problem.code}`, { name: problem.name });
    default:
      return t(`fileErrors.${problem.code}`);
  }
}
