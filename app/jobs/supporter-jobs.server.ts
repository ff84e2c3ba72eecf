import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { sendMeLink } from "~/modules/supporters/me-links.server";
import { applyRetention } from "~/modules/supporters/retention.server";

export const sendSupporterLinkTask: Task = async (raw) => {
  const { email } = parseTaskPayload("send_supporter_link", raw);
  await sendMeLink(email);
};

/** Removes what the retention settings say is kept no longer (nightly). */
export const applyRetentionTask: Task = async (_payload, helpers) => {
  const removed = await applyRetention();
  helpers.logger.info(`retention: ${JSON.stringify(removed)}`);
};
