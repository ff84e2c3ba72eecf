import type { TaskList } from "graphile-worker";
import { sendEmail } from "./send-email.server";
import { resumeMailings } from "./resume-mailings.server";
import { sendMailing } from "./send-mailing.server";
import { sendPasswordResetTask } from "./send-password-reset.server";

/**
 * Every background task by name (verb-noun). Each handler calls into a module's .server.ts
 * and is safe to run twice. Areas add their tasks here.
 */
export const taskList: TaskList = {
  send_email: sendEmail,
  send_mailing: sendMailing,
  send_password_reset: sendPasswordResetTask,
  resume_mailings: resumeMailings,
};

/** Recurring tasks in graphile-worker's crontab format. */
export const crontab: string[] = [
  "* * * * * resume_mailings",
];
