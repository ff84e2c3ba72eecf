import type { Task } from "graphile-worker";
import { sendTipDigests } from "~/modules/tips/tip-digest.server";

/** Crontab: every 15 minutes, one digest email per organizer with tips to triage. */
export const sendTipDigest: Task = async (_payload, helpers) => {
  const result = await sendTipDigests();
  if (result.tips) helpers.logger.info(`tip digest: ${result.tips} tips, ${result.emails} emails`);
};
