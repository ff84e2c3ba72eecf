import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { translateFieldErrors } from "~/i18n/field-errors";
import { formatUsd } from "~/i18n/format";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { requireFormValues } from "~/lib/input.server";
import { donationLimits, startDonation } from "./donations.server";

/**
 * What both giving pages (general and a campaign's) answer a posted form: off to Stripe's checkout,
 * or the form again with its values, field errors and message (in the page's language on a
 * translated page: /ko/campaigns/:slug/donate).
 */
export async function answerDonation(slug: string | null, { request, context }: ActionFunctionArgs) {
  const values = await requireFormValues(request);
  const locale = requestLocale(request);
  const result = await startDonation(slug, values, context.clientIp, locale);
  if (result.ok) throw redirect(result.url, 303);
  if (locale === "en")
    return data(
      { fields: result.fields, message: result.message ?? null, values },
      { status: result.status },
    );
  const [t, limits] = await Promise.all([fixedT(locale), donationLimits()]);
  const range = { min: formatUsd(limits.minCents, locale), max: formatUsd(limits.maxCents, locale) };
  return data(
    {
      fields: translateFieldErrors(result.fields, locale, t, "giveErrors", range),
      message: result.message ? t("giveErrors.unavailable") : null,
      values,
    },
    { status: result.status },
  );
}
