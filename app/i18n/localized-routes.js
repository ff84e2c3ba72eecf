/**
 * The public investigation pages that also answer under a language prefix (/ko/cases/sam-logan).
 * remix.config.js registers each file once more per prefix, with its own route id
 * ("ko/routes/cases.$slug"); the root layout reads the same list to draw the language switcher
 * and the hreflang alternates. To translate another public page: add its file and URL path
 * here, and write its text with useTranslation() and its links with useLocalePath().
 * Plain JavaScript because remix.config.js imports it.
 */

/** @type {readonly ["ko", "ru", "zh-Hans", "zh-Hant"]} */
export const LOCALE_PREFIXES = ["ko", "ru", "zh-Hans", "zh-Hant"];

/** @type {ReadonlyArray<readonly [string, string]>} [route file, URL path without the prefix] */
export const LOCALIZED_ROUTES = [
  ["routes/_index.tsx", ""],
  ["routes/about.tsx", "about"],
  ["routes/cases._index.tsx", "cases"],
  ["routes/cases.$slug.tsx", "cases/:slug"],
  ["routes/cases.help-identify.tsx", "cases/help-identify"],
  ["routes/tips.new.tsx", "tips/new"],
  ["routes/tips.sent.tsx", "tips/sent"],
  ["routes/campaigns.$slug._index.tsx", "campaigns/:slug"],
  ["routes/campaigns.$slug.scorecard.tsx", "campaigns/:slug/scorecard"],
  ["routes/campaigns.$slug.call.tsx", "campaigns/:slug/call"],
  ["routes/campaigns.$slug.sign.tsx", "campaigns/:slug/sign"],
  ["routes/campaigns.$slug.donate.tsx", "campaigns/:slug/donate"],
  ["routes/campaigns.$slug.letter.tsx", "campaigns/:slug/letter"],
  ["routes/donate.thanks.tsx", "donate/thanks"],
  ["routes/donate.cancelled.tsx", "donate/cancelled"],
  ["routes/confirm.$token.tsx", "confirm/:token"],
  ["routes/members.$bioguide.tsx", "members/:bioguide"],
  ["routes/letters.$token.tsx", "letters/:token"],
  ["routes/letters.copy.$token.tsx", "letters/copy/:token"],
];

/** The route id of a prefixed copy: ("ko", "routes/about.tsx") -> "ko/routes/about". */
export function localizedRouteId(prefix, file) {
  return `${prefix}/${file.replace(/\.tsx$/, "")}`;
}
