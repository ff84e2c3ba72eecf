import { data } from "@remix-run/node";
import { readFormInput } from "~/lib/input.server";
import { fieldErrors } from "~/lib/validation";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { replyFormSchema } from "./statements.schema";
import { submitReply } from "./statements.server";

export const replyRateLimit = defineRateLimit("office-replies", "Office replies sent in per visitor", {
  max: 10,
  windowSeconds: 3600,
});

/** POST on the delivery page: a pasted reply from an office goes to the triage queue, unverified. */
export async function handleReplySubmission(request: Request, token: string, clientIp: string) {
  const limit = await hitRateLimit(replyRateLimit, clientIp);
  if (!limit.ok)
    return data(
      {
        sent: false,
        fields: {} as Record<string, string>,
        message: "Too many replies from your connection. Please try again later.",
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  const input = await readFormInput(request);
  if (!input.ok)
    return data(
      { sent: false, fields: input.fields ?? {}, message: input.message },
      { status: input.status },
    );
  const parsed = replyFormSchema.safeParse(input.values);
  if (!parsed.success)
    return data(
      { sent: false, fields: fieldErrors(parsed.error), message: "Your reply was not sent yet." },
      { status: 400 },
    );
  const result = await submitReply(token, parsed.data);
  if (!result.ok)
    return data(
      { sent: false, fields: result.fields, message: "Your reply was not sent yet." },
      { status: 400 },
    );
  return {
    sent: true,
    fields: {} as Record<string, string>,
    message: "Thank you: an organizer will read the reply and check it before it is published.",
  };
}
