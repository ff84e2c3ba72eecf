import { db } from "~db/index.server";
import { suppressionOf } from "~/modules/mail/suppressions.server";
import {
  findSupporterRow,
  listSupporterCalls,
  listSupporterConsents,
  listSupporterDeliveries,
  listSupporterDonations,
  listSupporterLetters,
  listSupporterOptOuts,
  listSupporterSignatures,
  listSupporterStatements,
  listTipsFromAddress,
} from "./record.queries.server";

/** Everything held about one supporter, for their own eyes (/me and its JSON download). */
export async function supporterRecord(supporterId: number) {
  const supporter = await findSupporterRow(db(), supporterId);
  if (!supporter) return null;
  const [signatures, letters, statements, calls, donations, consents, optOuts, updates, tips, suppression] =
    await Promise.all([
      listSupporterSignatures(db(), supporterId),
      listSupporterLetters(db(), supporterId),
      listSupporterStatements(db(), supporterId),
      listSupporterCalls(db(), supporterId),
      listSupporterDonations(db(), supporterId),
      listSupporterConsents(db(), supporterId),
      listSupporterOptOuts(db(), supporterId),
      listSupporterDeliveries(db(), supporterId),
      listTipsFromAddress(db(), supporter.email),
      suppressionOf(supporter.email),
    ]);
  return {
    supporter,
    signatures,
    letters,
    statements,
    calls,
    donations,
    consents,
    optOuts,
    updates,
    tips,
    suppression,
  };
}

export type SupporterRecord = NonNullable<Awaited<ReturnType<typeof supporterRecord>>>;

/** What the supporter's subscriptions are now: every campaign list and the everyone list they are on. */
export function activeSubscriptions(record: SupporterRecord) {
  const active = record.consents.filter((c) => c.provenAt && !c.withdrawnAt);
  const optedOut = new Set(record.optOuts.map((o) => o.campaignId));
  const campaigns = new Map<number, string>();
  for (const c of active)
    if (c.scope === "campaign" && c.campaignId && !optedOut.has(c.campaignId))
      campaigns.set(c.campaignId, c.title ?? "A campaign");
  return {
    everything: active.some((c) => c.scope === "all"),
    campaigns: [...campaigns].map(([campaignId, title]) => ({ campaignId, title })),
  };
}

/** The download: every record, as JSON, with the date it was made. */
export async function supporterExport(supporterId: number): Promise<string | null> {
  const record = await supporterRecord(supporterId);
  if (!record) return null;
  return JSON.stringify({ exportedAt: new Date().toISOString(), ...record }, null, 2);
}
