import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { sendQueuedEmail } from "~/modules/mail/mail.server";

export const sendEmail: Task = async (raw, helpers) => {
  const { id, secrets } = parseTaskPayload("send_email", raw);
  await sendQueuedEmail(id, helpers.job.attempts, helpers.job.max_attempts, secrets);
};
