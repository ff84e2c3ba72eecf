import type { Task } from "graphile-worker";
import { z } from "zod";
import { sendQueuedEmail } from "~/modules/mail/mail.server";

const payload = z.object({ id: z.coerce.number().int().positive(), secrets: z.record(z.string(), z.string()).optional() });

export const sendEmail: Task = async (raw, helpers) => {
  const { id, secrets } = payload.parse(raw);
  await sendQueuedEmail(id, helpers.job.attempts, helpers.job.max_attempts, secrets);
};
