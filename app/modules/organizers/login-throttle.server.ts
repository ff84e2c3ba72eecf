import type { Executor } from "~db/index.server";
import { deleteOldLoginAttempts, findRecentFailures, insertLoginAttempt } from "./organizers.queries.server";

/**
 * Sign-in throttling, in three keys so that nobody can keep an organizer out:
 * - per (IP, account) pair: after `delayAfter` failures each further try must wait twice as long
 *   as the one before (2 s, 4 s, 8 s ... up to `maxDelaySeconds`);
 * - per IP: `perIp` failures in the window stop that address trying any account;
 * - per account: `perAccount` failures in the window (from anywhere) lock the account, except
 *   for a browser that has signed in to it before (a known device or a live session). The
 *   emailed password reset lifts the lock, and so does a sign-in from a known device.
 * Throttled attempts are answered before any password hashing and are not recorded, so they
 * neither cost argon2 work nor renew a lock. Unknown accounts are throttled exactly like real ones.
 */
export const LOGIN_LIMITS = {
  perAccount: 5,
  perIp: 20,
  delayAfter: 3,
  maxDelaySeconds: 300,
  windowMinutes: 15,
};

/** Attempts are kept this long (the window needs 15 minutes; the rest is for looking back). */
export const LOGIN_ATTEMPTS_KEEP_DAYS = 7;

export interface ThrottleKeys {
  pair: string;
  account: string;
  ip: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${ip}|${account}`, account: `email:${account}`, ip: `ip:${ip}` };
}

export type ThrottleVerdict = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/** Whether this attempt may be checked at all; `knownDevice` skips the account-wide lock only. */
export async function checkThrottle(
  db: Executor,
  keys: ThrottleKeys,
  knownDevice: boolean,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60_000;
  const failures = await findRecentFailures(
    db,
    [keys.pair, keys.account, keys.ip],
    new Date(now.getTime() - windowMs),
  );
  const until: number[] = [];
  const ip = failures[keys.ip];
  if (ip && ip.n >= LOGIN_LIMITS.perIp) until.push(ip.lastAt.getTime() + windowMs);
  const pair = failures[keys.pair];
  if (pair && pair.n >= LOGIN_LIMITS.delayAfter) {
    const delay = Math.min(LOGIN_LIMITS.maxDelaySeconds, 2 ** (pair.n - LOGIN_LIMITS.delayAfter + 1)) * 1000;
    if (pair.lastAt.getTime() + delay > now.getTime()) until.push(pair.lastAt.getTime() + delay);
  }
  const account = failures[keys.account];
  if (!knownDevice && account && account.n >= LOGIN_LIMITS.perAccount)
    until.push(account.lastAt.getTime() + windowMs);
  if (!until.length) return { throttled: false };
  return {
    throttled: true,
    retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...until) - now.getTime()) / 1000)),
  };
}

/**
 * Records a checked attempt. A success clears the pair and the account (not the IP: one good
 * account must not wash an address that sprays others).
 */
export async function recordAttempt(db: Executor, keys: ThrottleKeys, succeeded: boolean): Promise<void> {
  if (succeeded) await insertLoginAttempt(db, [keys.pair, keys.account], true);
  else await insertLoginAttempt(db, [keys.pair, keys.account, keys.ip], false);
}

/** The emailed reset proves the owner of the address: the account-wide lock ends. */
export async function liftAccountLock(db: Executor, email: string): Promise<void> {
  await insertLoginAttempt(db, [throttleKeys(email, "").account], true);
}

/** The prune_login_attempts cron task. */
export function pruneLoginAttempts(db: Executor, now = new Date()): Promise<number> {
  return deleteOldLoginAttempts(db, new Date(now.getTime() - LOGIN_ATTEMPTS_KEEP_DAYS * 86_400_000));
}
