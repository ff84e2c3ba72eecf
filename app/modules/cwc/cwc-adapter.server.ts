import { env } from "~/env.server";
import type { Chamber } from "./cwc";
import type { CwcAgent } from "./cwc-xml";

/*
 * The one module that speaks to Communicating with Congress. House: POST {CWC_HOUSE_URL}/v2/message;
 * Senate: POST {CWC_SENATE_URL} (the messages endpoint) and GET ../active_offices/. The API key
 * goes in `?apikey=`; the body is the message as application/xml.
 */

export type CwcAnswer =
  | { kind: "accepted" }
  /** 409: this DeliveryId was received before, so the letter is there. */
  | { kind: "duplicate" }
  /** 400 (or another 4xx): the office's reasons; never retried. */
  | { kind: "refused"; reason: string }
  /** 5xx, 429, a broken connection or a timeout: retried with the same DeliveryId. */
  | { kind: "retry"; reason: string };

const TIMEOUT_MS = 30_000;

function endpoint(chamber: Chamber): { url: string; key: string } | null {
  const e = env();
  if (chamber === "house")
    return e.CWC_HOUSE_URL && e.CWC_HOUSE_API_KEY
      ? { url: `${e.CWC_HOUSE_URL.replace(/\/$/, "")}/v2/message`, key: e.CWC_HOUSE_API_KEY }
      : null;
  return e.CWC_SENATE_URL && e.CWC_SENATE_API_KEY
    ? { url: e.CWC_SENATE_URL, key: e.CWC_SENATE_API_KEY }
    : null;
}

/** The delivery agent named in every message, or null when CWC is not configured. */
export function cwcAgent(): CwcAgent | null {
  const e = env();
  if (
    !e.CWC_DELIVERY_AGENT ||
    !e.CWC_ACK_EMAIL ||
    !e.CWC_CONTACT_NAME ||
    !e.CWC_CONTACT_EMAIL ||
    !e.CWC_CONTACT_PHONE
  )
    return null;
  return {
    name: e.CWC_DELIVERY_AGENT,
    ackEmail: e.CWC_ACK_EMAIL,
    contactName: e.CWC_CONTACT_NAME,
    contactEmail: e.CWC_CONTACT_EMAIL,
    contactPhone: e.CWC_CONTACT_PHONE,
  };
}

/** Whether letters to this chamber go through CWC (its endpoint, key and the agent are set). */
export function cwcConfigured(chamber: Chamber): boolean {
  return endpoint(chamber) !== null && cwcAgent() !== null;
}

function withKey(url: string, key: string): string {
  const u = new URL(url);
  u.searchParams.set("apikey", key);
  return u.toString();
}

function errorsOf(body: string): string {
  const errors = [...body.matchAll(/<Error>([\s\S]*?)<\/Error>/g)].map((m) => m[1].trim()).filter(Boolean);
  return (errors.length ? errors.join("; ") : body.trim()).slice(0, 1000);
}

export async function postCwcMessage(chamber: Chamber, xml: string): Promise<CwcAnswer> {
  const target = endpoint(chamber);
  if (!target) return { kind: "refused", reason: `CWC is not configured for the ${chamber}.` };
  let res: Response;
  try {
    res = await fetch(withKey(target.url, target.key), {
      method: "POST",
      headers: { "Content-Type": "application/xml; charset=utf-8" },
      body: xml,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { kind: "retry", reason: `no answer (${e.cause?.code ?? e.name})` };
  }
  const body = await res.text().catch(() => "");
  if (res.ok) return { kind: "accepted" };
  if (res.status === 409) return { kind: "duplicate" };
  if (res.status >= 500 || res.status === 429 || res.status === 408)
    return { kind: "retry", reason: `${res.status} ${errorsOf(body)}`.trim() };
  return { kind: "refused", reason: `${res.status}: ${errorsOf(body) || res.statusText}` };
}

/** The Senate offices that take CWC now (GET active_offices beside the messages endpoint). */
export async function fetchSenateActiveOffices(): Promise<string[]> {
  const target = endpoint("senate");
  if (!target) return [];
  const res = await fetch(withKey(new URL("../active_offices/", target.url).toString(), target.key), {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`The Senate's active office list answered ${res.status}.`);
  const text = await res.text();
  // The list's shape is not published; every Senate office code in it counts.
  return [...new Set(text.match(/\bS[A-Z]{2}0[123]\b/g) ?? [])].sort();
}
