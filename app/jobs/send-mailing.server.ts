import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { runMailing } from "~/modules/mail/mailings.server";

/** Fans a campaign update out in batches; resumable, so a retry after a crash finishes the job. */
export const sendMailing: Task = async (raw) => {
  const { id } = parseTaskPayload("send_mailing", raw);
  await runMailing(id);
};
