import type { Task } from "graphile-worker";
import { cronLine, type TaskName } from "~/modules/jobs/tasks";
import { sendEmail } from "./send-email.server";
import { purgeSignatureIpHashes, rollUpSignatures, sendSignatureEmails } from "./petition-jobs.server";
import { sendTipDigest } from "./send-tip-digest.server";
import { resumeMailings } from "./resume-mailings.server";
import { sendMailing } from "./send-mailing.server";
import { sendStatementNewsTask } from "./send-statement-news.server";
import { sendPasswordResetTask } from "./send-password-reset.server";
import { pruneLoginAttemptsTask } from "./prune-login-attempts.server";
import { applyRetentionTask, importSupportersTask, sendSupporterLinkTask } from "./supporter-jobs.server";
import { deliverCwcTask } from "./deliver-cwc.server";

/**
 * Every background task by name (verb-noun): exactly the tasks of the task map in
 * modules/jobs/tasks.ts, where each payload's type is (a task missing here or unknown there
 * fails the type check). Each handler calls into a module's .server.ts and is safe to run
 * twice. Areas add their tasks there and here.
 */
export const taskList: { [K in TaskName]: Task } = {
  send_email: sendEmail,
  send_tip_digest: sendTipDigest,
  roll_up_signatures: rollUpSignatures,
  send_signature_emails: sendSignatureEmails,
  purge_signature_ip_hashes: purgeSignatureIpHashes,
  send_mailing: sendMailing,
  send_statement_news: sendStatementNewsTask,
  send_password_reset: sendPasswordResetTask,
  resume_mailings: resumeMailings,
  prune_login_attempts: pruneLoginAttemptsTask,
  send_supporter_link: sendSupporterLinkTask,
  apply_retention: applyRetentionTask,
  deliver_cwc: deliverCwcTask,
  import_supporters: importSupportersTask,
};

/**
 * Recurring tasks in graphile-worker's crontab format. The loops that must not overlap run in
 * named queues (one job of a queue at a time, whichever worker process takes it).
 */
export const crontab: string[] = [
  cronLine("*/15 * * * *", "send_tip_digest", "?max=3"),
  // petitions: the two self-rescheduling loops are restarted by cron if ever lost; IP hashes purged nightly
  cronLine(
    "* * * * *",
    "roll_up_signatures",
    "?jobKey=roll_up_signatures&jobKeyMode=preserve_run_at&priority=-10&queue=roll_up_signatures",
  ),
  cronLine(
    "* * * * *",
    "send_signature_emails",
    "?jobKey=send_signature_emails&jobKeyMode=preserve_run_at&priority=-10&queue=send_signature_emails",
  ),
  cronLine("17 3 * * *", "purge_signature_ip_hashes"),
  cronLine("* * * * *", "resume_mailings", "?queue=resume_mailings"),
  cronLine("41 * * * *", "prune_login_attempts"),
  cronLine("23 4 * * *", "apply_retention"),
];

/** Jobs added (by job key, so never twice) each time the worker starts: self-rescheduling loops. */
export const startupJobs: Array<{ task: TaskName; jobKey: string; priority?: number; queueName: string }> = [
  {
    task: "roll_up_signatures",
    jobKey: "roll_up_signatures",
    priority: -10,
    queueName: "roll_up_signatures",
  },
  {
    task: "send_signature_emails",
    jobKey: "send_signature_emails",
    priority: -10,
    queueName: "send_signature_emails",
  },
];
