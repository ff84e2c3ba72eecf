import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed } from "~/lib/api.server";
import { handleStripeWebhook } from "~/modules/donations/webhooks.server";

/** Stripe's webhook: the raw bytes go to signature verification untouched. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const raw = Buffer.from(await request.arrayBuffer());
  const result = await handleStripeWebhook(raw, request.headers.get("stripe-signature"));
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}

export const loader = () => methodNotAllowed("POST");
