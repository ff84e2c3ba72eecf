import type { Task } from "graphile-worker";
import { sendSignatureEmailsJob } from "~/modules/petitions/confirmation.server";
import { purgeIpHashes } from "~/modules/petitions/petitions-admin.server";
import { rollUpSignaturesJob } from "~/modules/petitions/rollup.server";

/** Folds changed signatures into the count roll-ups, then re-schedules itself (~2 s). */
export const rollUpSignatures: Task = async () => {
  await rollUpSignaturesJob();
};

/** Drains the pending-signature outbox into confirmation and "already signed" emails, in batches. */
export const sendSignatureEmails: Task = async () => {
  await sendSignatureEmailsJob();
};

/** Drops signers' IP hashes older than the retention setting. */
export const purgeSignatureIpHashes: Task = async (_payload, helpers) => {
  const n = await purgeIpHashes();
  if (n) helpers.logger.info(`purged ${n} IP hashes`);
};
