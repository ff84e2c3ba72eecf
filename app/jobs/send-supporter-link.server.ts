import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { sendMeLink } from "~/modules/supporters/me-links.server";

export const sendSupporterLinkTask: Task = async (raw) => {
  const { email } = parseTaskPayload("send_supporter_link", raw);
  await sendMeLink(email);
};
