import type { TaskList } from "graphile-worker";
import { sendEmail } from "./send-email.server";

/**
 * Every background task by name (verb-noun). Each handler calls into a module's .server.ts
 * and is safe to run twice. Areas add their tasks here.
 */
export const taskList: TaskList = {
  send_email: sendEmail,
};

/** Recurring tasks in graphile-worker's crontab format. */
export const crontab: string[] = [];
