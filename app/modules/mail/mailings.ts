import type { MailingStatus } from "~db/schema";

/** Pure rules of campaign updates (browser-safe). */

export type UnsubscribeChoice = "campaign" | "all";

/** Resend's batch endpoint takes at most 100 messages per request. */
export const BATCH_SIZE = 100;

export const MAILING_STATUS_LABELS: Record<MailingStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  sending: "Sending",
  sent: "Sent",
};

export function isEditable(status: MailingStatus): boolean {
  return status === "draft" || status === "scheduled";
}

export interface MailingProgress {
  total: number;
  sent: number;
  skipped: number;
  pending: number;
  delivered: number;
  opened: number;
  bounced: number;
  complained: number;
}

export function rate(part: number, whole: number): string {
  if (whole <= 0) return "—";
  return `${((part / whole) * 100).toFixed(1)}%`;
}
