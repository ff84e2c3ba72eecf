import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed } from "~/lib/api.server";
import { handleResendWebhook } from "~/modules/mail/webhooks.server";

/** Resend's webhook: verified on the raw body (request.text(), never a parsed copy). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const outcome = await handleResendWebhook(await request.text(), request.headers);
  return Response.json(outcome.body, { status: outcome.status, headers: { "Cache-Control": "no-store" } });
}

export const loader = () => methodNotAllowed("POST");
