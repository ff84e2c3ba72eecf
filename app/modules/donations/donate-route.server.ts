import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireFormValues } from "~/lib/input.server";
import { startDonation } from "./donations.server";

/**
 * What both giving pages (general and a campaign's) answer a posted form: off to Stripe's checkout,
 * or the form again with its values, field errors and message.
 */
export async function answerDonation(slug: string | null, { request, context }: ActionFunctionArgs) {
  const values = await requireFormValues(request);
  const result = await startDonation(slug, values, context.clientIp);
  if (result.ok) throw redirect(result.url, 303);
  return data({ fields: result.fields, message: result.message ?? null, values }, { status: result.status });
}
