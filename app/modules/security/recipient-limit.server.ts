import { createHmac } from "node:crypto";
import { db, type Executor } from "~db/index.server";
import { env } from "~/env.server";
import { getSetting } from "~/modules/settings/settings.server";
import { mailboxKey } from "~/modules/supporters/supporters";
import { defineRateLimit, type RateLimit } from "./rate-limit.server";
import { addHits } from "./rate-limit.queries.server";

/**
 * Mail that a public form makes us send to an address typed into it (confirmation links,
 * receipts) is limited per inbox (case, `+tags` and Gmail's dots do not make a new one) and in
 * all, so the forms cannot be used to flood someone's inbox or to spend our sending reputation.
 * The per-visitor limits sit in front of each form; these count the mail itself.
 */
export const recipientMailLimit = defineRateLimit("mail-recipient", "Emails from public forms to one inbox", {
  max: 5,
  windowSeconds: 3600,
});
export const publicMailLimit = defineRateLimit("mail-public", "Emails from public forms to anyone, in all", {
  max: 2000,
  windowSeconds: 3600,
});

function inboxKey(email: string): string {
  return createHmac("sha256", env().IP_HASH_SECRET)
    .update(`mailbox:${mailboxKey(email)}`)
    .digest("base64url")
    .slice(0, 22);
}

function windowStart(limit: RateLimit, nowSeconds: number): Date {
  return new Date((nowSeconds - (nowSeconds % limit.windowSeconds)) * 1000);
}

/**
 * Counts one email to each address (in order; an address may repeat) and says, for each,
 * whether it may be sent: within its inbox's limit and, unless `global` is false, the global
 * one. Two statements however many addresses, so a batch sender stays fast.
 *
 * Petition confirmations pass `global: false`: they carry no text the signer typed, each inbox
 * and each visitor is limited already, and a global cap would silently drop the confirmations
 * of real signers on a petition's biggest day.
 */
export async function allowPublicMail(
  addresses: string[],
  executor: Executor = db(),
  { global: applyGlobal = true }: { global?: boolean } = {},
): Promise<boolean[]> {
  if (!addresses.length) return [];
  const [perInbox, global] = await Promise.all([
    getSetting(recipientMailLimit, executor),
    getSetting(publicMailLimit, executor),
  ]);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const keys = addresses.map(inboxKey);
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const totals = await addHits(
    executor,
    recipientMailLimit.key,
    windowStart(perInbox, nowSeconds),
    [...counts].map(([key, n]) => ({ key, n })),
  );
  const globalTotal = applyGlobal
    ? ((
        await addHits(executor, publicMailLimit.key, windowStart(global, nowSeconds), [
          { key: "all", n: addresses.length },
        ])
      ).get("all") ?? 0)
    : 0;
  const seen = new Map<string, number>();
  return keys.map((k, i) => {
    const nth = (seen.get(k) ?? 0) + 1;
    seen.set(k, nth);
    const inboxHit = (totals.get(k) ?? 0) - (counts.get(k) ?? 0) + nth;
    const globalHit = globalTotal - addresses.length + i + 1;
    return inboxHit <= perInbox.max && (!applyGlobal || globalHit <= global.max);
  });
}

/** allowPublicMail for one address. */
export async function allowPublicMailTo(address: string, executor: Executor = db()): Promise<boolean> {
  const [ok] = await allowPublicMail([address], executor);
  return ok;
}
