import { z } from "zod";
import { db } from "~db/index.server";
import { ipRetentionDays } from "~/modules/petitions/petition-settings.server";
import { purgeIpHashes } from "~/modules/petitions/petitions-admin.server";
import { purgeUnconfirmedSignatures } from "~/modules/petitions/rollup.server";
import { defineSetting, getSetting } from "~/modules/settings/settings.server";
import { fileStore } from "~/modules/uploads/storage.server";
import {
  clearOldIpHashes,
  deleteClosedTipAttachments,
  deleteOldSignInAttempts,
} from "./retention.queries.server";

/**
 * How long personal data the platform only needs for a while is kept (settings, so organizers
 * change them without a deploy). IP hashes follow the petitions' setting, for every form.
 * Sign-in attempts are kept at least a week: the sign-in throttle counts them.
 */
export const retentionSettings = defineSetting({
  key: "retention.periods",
  label: "Days kept: unconfirmed signatures, closed tips' attachments, sign-in attempts",
  schema: z.object({
    unconfirmedSignatureDays: z.number().int().min(31).max(3650),
    closedTipAttachmentDays: z.number().int().min(1).max(3650),
    signInAttemptDays: z.number().int().min(7).max(3650),
  }),
  defaultValue: { unconfirmedSignatureDays: 60, closedTipAttachmentDays: 365, signInAttemptDays: 30 },
});

/** The apply_retention job (nightly): what each rule removed. Safe to run twice. */
export async function applyRetention() {
  const [periods, ipDays] = await Promise.all([getSetting(retentionSettings), getSetting(ipRetentionDays)]);
  const signatureIpHashes = await purgeIpHashes();
  const otherIpHashes = await clearOldIpHashes(db(), ipDays);
  const unconfirmedSignatures = await purgeUnconfirmedSignatures(periods.unconfirmedSignatureDays);
  const keys = await deleteClosedTipAttachments(db(), periods.closedTipAttachmentDays);
  // The rows are gone first: a file left behind by a failed delete is unreachable, never a broken link.
  for (const key of keys) await fileStore().delete(key);
  const signInAttempts = await deleteOldSignInAttempts(db(), periods.signInAttemptDays);
  return {
    ipHashes: signatureIpHashes + otherIpHashes,
    unconfirmedSignatures,
    tipAttachments: keys.length,
    signInAttempts,
  };
}
