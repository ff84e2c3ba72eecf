import type { TaskList } from "graphile-worker";
import { sendEmail } from "./send-email.server";
import { sendTipDigest } from "./send-tip-digest.server";

/**
 * Every background task by name (verb-noun). Each handler calls into a module's .server.ts
 * and is safe to run twice. Areas add their tasks here.
 */
export const taskList: TaskList = {
  send_email: sendEmail,
  send_tip_digest: sendTipDigest,
};

/** Recurring tasks in graphile-worker's crontab format. */
export const crontab: string[] = [
  "*/15 * * * * send_tip_digest ?max=3",
];
