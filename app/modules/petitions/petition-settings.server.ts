import { z } from "zod";
import { defineSetting, getSetting } from "~/modules/settings/settings.server";

/** Abuse limits and thresholds, stored as data (admin can change them; see /admin/petitions). */
export const ipLimitPerHour = defineSetting({
  key: "petitions.ip_limit_per_hour",
  schema: z.number().int().min(0).max(100_000),
  defaultValue: 20,
  label:
    "Signatures per IP address per petition per hour before the rest are marked fraudulent (0: no limit)",
});

export const domainLimitPerHour = defineSetting({
  key: "petitions.domain_limit_per_hour",
  schema: z.number().int().min(0).max(1_000_000),
  defaultValue: 300,
  label:
    "Signatures per email domain per petition per hour before the rest are marked fraudulent (0: no limit)",
});

export const domainLimitExempt = defineSetting({
  key: "petitions.domain_limit_exempt",
  schema: z.array(z.string().min(3).max(100)).max(500),
  defaultValue: [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "msn.com",
    "live.com",
    "me.com",
    "comcast.net",
    "proton.me",
    "protonmail.com",
    "att.net",
    "verizon.net",
  ],
  label: "Email domains exempt from the per-domain limit (large providers), comma-separated",
});

export const trendingThreshold = defineSetting({
  key: "petitions.trending_threshold",
  schema: z.number().int().min(1).max(1_000_000),
  defaultValue: 10,
  label: "Signatures per hour from one IP or domain that make it trend in the admin",
});

export const ipRetentionDays = defineSetting({
  key: "petitions.ip_retention_days",
  schema: z.number().int().min(1).max(3650),
  defaultValue: 30,
  label: "Days the keyed hash of a signer's IP address is kept",
});

export const PETITION_SETTINGS = [
  ipLimitPerHour,
  domainLimitPerHour,
  domainLimitExempt,
  trendingThreshold,
  ipRetentionDays,
] as const;

export interface AbuseLimits {
  ipPerHour: number;
  domainPerHour: number;
  exemptDomains: Set<string>;
}

let cache: { at: number; value: AbuseLimits } | undefined;
const TTL_MS = 5_000;

/** The abuse limits, cached for five seconds so the signing hot path stays one round trip. */
export async function abuseLimits(): Promise<AbuseLimits> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value;
  const [ipPerHour, domainPerHour, exempt] = await Promise.all([
    getSetting(ipLimitPerHour),
    getSetting(domainLimitPerHour),
    getSetting(domainLimitExempt),
  ]);
  cache = {
    at: Date.now(),
    value: { ipPerHour, domainPerHour, exemptDomains: new Set(exempt.map((d) => d.toLowerCase())) },
  };
  return cache.value;
}

export function forgetAbuseLimits() {
  cache = undefined;
}
