import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { sendPasswordReset } from "~/modules/organizers/tokens.server";

export const sendPasswordResetTask: Task = async (raw) => {
  const { email } = parseTaskPayload("send_password_reset", raw);
  await sendPasswordReset(email);
};
