import type { z } from "zod";
import type { fixedT } from "~/i18n/i18n.server";
import type { ReportResult } from "./calls.server";

/*
 * The call and scorecard pages' refusals in the page's language. The modules and schemas keep
 * their English messages (the JSON API and the organizer pages use them); these pages name the
 * refusal by its code or field and say it with the `scorecardCall` texts.
 */

type Translate = Awaited<ReturnType<typeof fixedT>>;

const LOOKUP_KEYS: Record<string, string> = {
  unknown_zip: "scorecardCall.errUnknownZip",
  no_district: "scorecardCall.errNoDistrict",
  no_congress_data: "scorecardCall.errNoData",
};

/** A ZIP the lookup form refused (empty or not a ZIP code). */
export function zipFieldMessage(t: Translate, zip: string) {
  return t(zip.trim() ? "scorecardCall.errZipFormat" : "scorecardCall.errZip");
}

/** A ZIP code the district lookup could not place. */
export function lookupMessage(t: Translate, code: string, zip: string) {
  return t(LOOKUP_KEYS[code] ?? "scorecardCall.errLookup", { zip });
}

/** A call report the form schema refused: say what is wrong with the first field. */
export function reportFieldMessage(t: Translate, error: z.ZodError) {
  const field = error.issues[0]?.path[0];
  if (field === "token") return t("scorecardCall.errExpired");
  if (field === "target") return t("scorecardCall.errNotTarget");
  return t("scorecardCall.errOutcome");
}

/** A call report the module refused (rate limit, expired list, not a target). */
export function reportMessage(t: Translate, refusal: Extract<ReportResult, { ok: false }>) {
  if (refusal.reason === "rate") return t("scorecardCall.errRate", { count: refusal.minutes ?? 1 });
  if (refusal.reason === "expired") return t("scorecardCall.errExpired");
  return t("scorecardCall.errNotTarget");
}

const FILTER_KEYS: Record<string, string> = {
  chamber: "scorecardCall.errChamber",
  state: "scorecardCall.errState",
  position: "scorecardCall.errPosition",
  page: "scorecardCall.errPage",
};

/** A scorecard filter the schema refused. */
export function filterMessage(t: Translate, error: z.ZodError) {
  const field = String(error.issues[0]?.path[0] ?? "");
  return FILTER_KEYS[field] ? t(FILTER_KEYS[field]) : error.issues[0].message;
}
