import type { ActionFunctionArgs } from "@remix-run/node";
import { handleResendWebhook } from "~/modules/mail/webhooks.server";

/** Resend's webhook: verified on the raw body (request.text(), never a parsed copy). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: { code: "method_not_allowed", message: "POST only." } }, { status: 405 });
  const outcome = await handleResendWebhook(await request.text(), request.headers);
  return Response.json(outcome.body, { status: outcome.status });
}

export function loader() {
  return Response.json({ error: { code: "method_not_allowed", message: "POST only." } }, { status: 405, headers: { Allow: "POST" } });
}
