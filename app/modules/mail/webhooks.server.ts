import { Webhook } from "svix";
import { z } from "zod";
import { db } from "~db/index.server";
import { env } from "~/env.server";
import { log } from "~/lib/log.server";
import { insertEmailEvent, stampDelivery, type DeliveryFigure } from "./events.queries.server";
import { suppressAddress } from "./suppressions.server";
import { errorEnvelope } from "~/lib/api.server";

const eventSchema = z.object({
  type: z.string().min(1),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().optional(),
      created_at: z.string().optional(),
      to: z.union([z.array(z.string()), z.string()]).optional(),
      bounce: z
        .object({
          type: z.string().optional(),
          subType: z.string().optional(),
          message: z.string().optional(),
        })
        .optional(),
    })
    .loose(),
});

const FIGURES: Record<string, DeliveryFigure> = {
  "email.delivered": "deliveredAt",
  "email.opened": "openedAt",
  "email.bounced": "bouncedAt",
  "email.complained": "complainedAt",
};

export type WebhookOutcome =
  | { status: 200; body: { received: true; duplicate: boolean } }
  | { status: 400 | 503; body: { error: { code: string; message: string } } };

function refuse(status: 400 | 503, code: string, message: string): WebhookOutcome {
  return { status, body: errorEnvelope(code, message) };
}

/**
 * Resend's webhook: the Svix signature is checked on the raw body (5-minute tolerance), the
 * event is recorded once per svix-id, bounces (except transient ones) and complaints suppress
 * the address everywhere, and delivery figures are stamped on the campaign update's rows.
 */
export async function handleResendWebhook(rawBody: string, headers: Headers): Promise<WebhookOutcome> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return refuse(503, "webhook_not_configured", "RESEND_WEBHOOK_SECRET is not set.");
  const svixId = headers.get("svix-id") ?? "";
  try {
    new Webhook(secret).verify(rawBody, {
      "svix-id": svixId,
      "svix-timestamp": headers.get("svix-timestamp") ?? "",
      "svix-signature": headers.get("svix-signature") ?? "",
    });
  } catch {
    return refuse(400, "invalid_signature", "The webhook signature is missing, stale or does not match.");
  }
  let parsed: z.infer<typeof eventSchema>;
  try {
    const result = eventSchema.safeParse(JSON.parse(rawBody));
    if (!result.success) return refuse(400, "invalid_event", "The event does not have the expected shape.");
    parsed = result.data;
  } catch {
    return refuse(400, "invalid_json", "The body is not JSON.");
  }
  const event = parsed;
  const emailId = event.data.email_id ?? null;
  const recipients = typeof event.data.to === "string" ? [event.data.to] : (event.data.to ?? []);
  const at = new Date(event.created_at ?? event.data.created_at ?? Date.now());
  const when = Number.isNaN(at.getTime()) ? new Date() : at;

  const fresh = await db()
    .transaction()
    .execute(async (trx) => {
      if (
        !(await insertEmailEvent(trx, {
          svixId,
          type: event.type,
          providerEmailId: emailId,
          payload: event as Record<string, unknown>,
        }))
      )
        return false;
      const figure = FIGURES[event.type];
      if (figure && emailId) await stampDelivery(trx, emailId, figure, when);
      const transient = event.type === "email.bounced" && /transient/i.test(event.data.bounce?.type ?? "");
      if ((event.type === "email.bounced" && !transient) || event.type === "email.complained") {
        const reason = event.type === "email.bounced" ? "bounce" : "complaint";
        for (const to of recipients)
          await suppressAddress(trx, to, reason, event.data.bounce?.message ?? null);
      }
      return true;
    });
  if (!fresh) log.info("resend webhook replayed", { svixId });
  return { status: 200, body: { received: true, duplicate: !fresh } };
}
