import zipcodes from "zipcodes";
import { env } from "~/env.server";
import type { Locale } from "~/i18n/locales";
import { isAllowListed } from "~/modules/security/client-ip.server";
import { hashIp } from "~/modules/security/ip-hash.server";
import { canonicalEmail, emailDomain } from "~/modules/supporters/supporters";
import { consentWording, isDisposableDomain, userAgentClass } from "./petitions";
import type { SignatureInput } from "./petitions.schema";
import { abuseLimits } from "./petition-settings.server";
import { congressAt } from "~/modules/legislators/congress.server";
import { signBatched } from "./sign-batcher.server";

export type SignResult =
  | { kind: "accepted"; status: "pending" | "confirmed" }
  | { kind: "not_found" }
  | { kind: "closed"; message: string };

export interface SignContext {
  ip: string;
  userAgent: string | null | undefined;
  /** A tool holding a read-write API key: its one address is not held to the per-IP and per-domain limits. */
  trusted?: boolean;
  /** The language of the page the form was posted on (its emails go out in it); English by default. */
  locale?: Locale;
}

/**
 * Signs a petition: the one use-case behind both the JSON API and the campaign page's form.
 * Answers only after the signature, its supporter and (being pending) its confirmation outbox
 * entry are committed. A repeat answers exactly like a first signature.
 */
export async function signPetition(
  slug: string,
  input: SignatureInput,
  context: SignContext,
): Promise<SignResult> {
  const config = env();
  const limits = await abuseLimits();
  const email = input.email.trim();
  const domain = emailDomain(email);
  const zip = input.zip ? input.zip.trim() : null;
  const zip5 = input.country === "US" && zip ? zip.slice(0, 5) : null;
  const place = zip5 ? zipcodes.lookup(zip5) : undefined;
  const allowListed = context.trusted || isAllowListed(context.ip, config.RATE_LIMIT_ALLOW);
  const outcome = await signBatched({
    slug,
    email,
    emailCanonical: canonicalEmail(email),
    emailDomain: domain,
    firstName: input.firstName,
    lastName: input.lastName,
    country: input.country,
    zip,
    zip5,
    city: place?.city ?? null,
    usState: place?.state ?? null,
    comment: input.comment ?? null,
    showName: input.showName,
    optIn: input.optIn,
    consentWording: consentWording(),
    source: input.source ?? null,
    ipHash: hashIp(context.ip),
    ipLimit: allowListed ? 0 : limits.ipPerHour,
    userAgentClass: userAgentClass(context.userAgent),
    honeypot: input.website,
    domainLimit: context.trusted || limits.exemptDomains.has(domain) ? 0 : limits.domainPerHour,
    disposable: isDisposableDomain(domain),
    congress: await congressAt(),
    language: context.locale ?? "en",
  });
  if (!outcome) return { kind: "not_found" };
  if (outcome.status === "draft")
    return { kind: "closed", message: "This petition is not open for signatures yet." };
  if (outcome.status === "closed")
    return { kind: "closed", message: "This petition is closed and no longer takes signatures." };
  return { kind: "accepted", status: outcome.requiresConfirmation ? "pending" : "confirmed" };
}
