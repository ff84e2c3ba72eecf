import { z } from "zod";

const id = z.object({ id: z.coerce.number().int().positive() });
/** An email's id, and the secret links that are filled in at send time and never stored (see mail/secret-links.ts). */
const email = id.extend({ secrets: z.record(z.string(), z.string()).optional() });
/** A task that takes no payload (cron adds its own `_cron` field: it is allowed, not read). */
const none = z.looseObject({});

/**
 * Every background task by name, with the payload it takes: the one map that the task list
 * (app/jobs/task-list.server.ts), the crontab and every caller that adds a job are typed by.
 * Renaming or removing a task here fails the type check wherever it is still used.
 */
export const TASK_PAYLOADS = {
  send_email: email,
  send_mailing: id,
  send_statement_news: id,
  send_password_reset: z.object({ email: z.string().min(1).max(254) }),
  send_tip_digest: none,
  roll_up_signatures: none,
  send_signature_emails: none,
  purge_signature_ip_hashes: none,
  resume_mailings: none,
  prune_login_attempts: none,
  apply_retention: none,
  send_supporter_link: z.object({ email: z.string().min(1).max(254) }),
  deliver_cwc: id,
  import_supporters: id,
} as const;

export type TaskName = keyof typeof TASK_PAYLOADS;
export type TaskPayload<T extends TaskName> = z.output<(typeof TASK_PAYLOADS)[T]>;

/** A job's payload as its handler reads it (throws, so the job is retried and logged, on a bad one). */
export function parseTaskPayload<T extends TaskName>(task: T, raw: unknown): TaskPayload<T> {
  return TASK_PAYLOADS[task].parse(raw) as TaskPayload<T>;
}

/** A task's name, checked against the map: for SQL that adds jobs in bulk (`add_jobs`). */
export function taskName<T extends TaskName>(task: T): T {
  return task;
}

/** One crontab line for a task, e.g. cronLine("17 3 * * *", "purge_signature_ip_hashes"). */
export function cronLine(schedule: string, task: TaskName, options = ""): string {
  return `${schedule} ${task}${options ? ` ${options}` : ""}`;
}
