import type { Task } from "graphile-worker";
import { z } from "zod";
import { sendQueuedEmail } from "~/modules/mail/mail.server";

const payload = z.object({ id: z.coerce.number().int().positive() });

export const sendEmail: Task = async (raw, helpers) => {
  const { id } = payload.parse(raw);
  await sendQueuedEmail(id, helpers.job.attempts, helpers.job.max_attempts);
};
