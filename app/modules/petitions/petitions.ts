import type { CampaignStatus, SignatureState } from "~db/schema";

/** Signature states, as on the UK e-petitions site; only `confirmed` counts. */
export const SIGNATURE_STATES: SignatureState[] = [
  "pending",
  "confirmed",
  "fraudulent",
  "invalidated",
  "withdrawn",
];
export const SIGNATURE_STATE_LABELS: Record<SignatureState, string> = {
  pending: "Pending confirmation",
  confirmed: "Confirmed",
  fraudulent: "Fraudulent",
  invalidated: "Invalidated",
  withdrawn: "Withdrawn by the signer",
};

/** The consent wording shown beside the (never pre-checked) updates box; stored with each consent. */
export function consentWording(): string {
  return "Send me email updates about this campaign. I can unsubscribe at any time.";
}

export type PetitionStatus = "open" | "closed" | "draft";

/** A petition follows its campaign: open while the campaign is live and the deadline not passed. */
export function petitionStatus(
  campaignStatus: CampaignStatus,
  deadline: Date | string | null,
  now = new Date(),
): PetitionStatus {
  if (campaignStatus === "draft") return "draft";
  if (campaignStatus !== "live") return "closed";
  if (deadline && new Date(deadline).getTime() <= now.getTime()) return "closed";
  return "open";
}

/** Days a confirmation link stays valid. */
export const CONFIRMATION_DAYS = 30;
/** "Already signed" notes per signature, at most. */
export const MAX_ALREADY_SIGNED_NOTICES = 3;

/** A coarse class of user agent, kept instead of the string itself. */
export function userAgentClass(ua: string | null | undefined): string {
  if (!ua) return "none";
  const s = ua.toLowerCase();
  if (
    /bot|crawl|spider|curl|wget|python|httpclient|autocannon|go-http|java\/|okhttp|node|undici|axios/.test(s)
  )
    return "tool";
  if (/mobile|iphone|android|ipad/.test(s)) return "mobile";
  if (/mozilla|chrome|safari|firefox|edge/.test(s)) return "desktop";
  return "other";
}

/** Well-known throwaway-mailbox domains (a short list; signatures from them are flagged, not refused). */
export const DISPOSABLE_DOMAINS = new Set([
  "mailinator.com",
  "guerrillamail.com",
  "guerrillamail.net",
  "sharklasers.com",
  "10minutemail.com",
  "tempmail.com",
  "temp-mail.org",
  "yopmail.com",
  "trashmail.com",
  "getnada.com",
  "dispostable.com",
  "maildrop.cc",
  "throwawaymail.com",
  "fakeinbox.com",
  "mintemail.com",
  "mohmal.com",
  "emailondeck.com",
  "spamgourmet.com",
  "mailnesia.com",
  "tempr.email",
]);

export function isDisposableDomain(domain: string): boolean {
  return DISPOSABLE_DOMAINS.has(domain.toLowerCase());
}

/** "Jane D." from first and last names: what the public sees of a signer who chose to be shown. */
export function publicName(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0);
  return initial ? `${firstName.trim()} ${initial.toUpperCase()}.` : firstName.trim();
}

/** "12 seconds ago", "3 minutes ago" in the page's language (Intl): "3분 전", "3 минуты назад". */
export function ago(from: Date | string, now = new Date(), locale = "en"): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(from).getTime()) / 1000));
  const say = new Intl.RelativeTimeFormat(locale === "en" ? "en-US" : locale, { numeric: "always" });
  if (seconds < 90) return say.format(-seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return say.format(-minutes, "minute");
  return say.format(-Math.round(minutes / 60), "hour");
}
