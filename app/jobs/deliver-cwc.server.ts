import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { deliverCwc } from "~/modules/cwc/cwc-delivery.server";

/** One letter to one office through CWC (paced; retried with backoff on 5xx and broken connections). */
export const deliverCwcTask: Task = async (raw, helpers) => {
  const { id } = parseTaskPayload("deliver_cwc", raw);
  await deliverCwc(id, helpers.job.attempts, helpers.job.max_attempts);
};
