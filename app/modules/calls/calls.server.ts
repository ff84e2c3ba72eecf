import { db } from "~db/index.server";
import {
  lookupDistricts,
  nearestOffice,
  type LookupMember,
} from "~/modules/legislators/district-lookup.server";
import { inSeat, targetOffices, type TargetOffice } from "~/modules/legislators/target-offices";
import { campaignTargetSeats } from "~/modules/legislators/targets.server";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { hashIp } from "~/modules/security/ip-hash.server";
import { scriptPosition, supportersLast } from "~/modules/statements/statements";
import { currentPositions } from "~/modules/statements/positions.server";
import { everyTargetOffice } from "~/modules/statements/statements.server";
import { findCampaign } from "~/modules/statements/statements.queries.server";
import type { CallOutcome, StatementPosition } from "~db/schema";
import { checkCallerValue, checkCallToken, issueCallToken } from "./call-token.server";
import { scriptBook } from "./call-scripts.server";
import { CALL_OUTCOMES, fillScript } from "./calls";
import type { CallReport } from "./calls.schema";
import { insertCall, listCallCounts, listDailySeatActivity } from "./calls.queries.server";

export const callReportRateLimit = defineRateLimit("call-reports", "Call outcome reports per visitor", {
  max: 60,
  windowSeconds: 3600,
});

export interface CallEntry {
  key: string;
  name: string;
  title: string;
  seat: string;
  /** The caller's own member or senator. */
  own: boolean;
  maybe: boolean;
  vacant: boolean;
  position: StatementPosition | null;
  script: string;
  phone: string | null;
  districtPhone: string | null;
  districtPlace: string | null;
}

/**
 * The call list for a ZIP: the campaign's targets resolved for the caller (every candidate
 * district when the ZIP spans several), the caller's own senators and representative first,
 * then the campaign's other targets (committee seats, named seats, officials); each with the
 * script for its current position and its phone numbers; vacant seats are listed without a
 * phone; those who support come last. A valid caller value (from the supporter's delivery page)
 * is carried in the list's token so the reports belong to them; any other is ignored.
 */
export async function callList(campaignId: number, zip: string, caller: string | null = null) {
  const { result } = await lookupDistricts(zip);
  if (!result.ok) return { ok: false as const, code: result.code, message: result.message };
  const candidates = result.lookup.candidates;
  const [resolved, positions, script] = await Promise.all([
    Promise.all(
      candidates.map(async (c) =>
        targetOffices(await campaignTargetSeats(campaignId, { state: c.state, district: c.district })),
      ),
    ),
    currentPositions(campaignId),
    scriptBook(campaignId),
  ]);
  const members = new Map<string, LookupMember>();
  for (const c of candidates)
    for (const m of [...c.senators, ...(c.house ? [c.house] : [])]) members.set(m.office, m);
  const entries: CallEntry[] = [];
  const seen = new Set<string>();
  const add = (office: TargetOffice) => {
    if (seen.has(office.key)) return;
    seen.add(office.key);
    const position = positions.get(office.key)?.position ?? null;
    const m = office.officeCode && !office.vacant ? members.get(office.officeCode) : undefined;
    const near = m ? nearestOffice(m.districtOffices, zip) : null;
    entries.push({
      key: office.key,
      name: office.name,
      title: m?.title ?? office.title,
      seat: office.seat,
      own: office.constituent,
      maybe: office.constituent && office.chamber === "house" && candidates.length > 1,
      vacant: office.vacant,
      position,
      script: office.vacant ? "" : fillScript(script(office.key, scriptPosition(position)), office.name),
      phone: office.vacant ? null : (m?.phone ?? office.phone),
      districtPhone: near?.phone ?? null,
      districtPlace: near ? [near.city, near.state].filter(Boolean).join(", ") : null,
    });
  };
  for (const list of resolved) for (const o of list) if (o.constituent) add(o);
  for (const list of resolved) for (const o of list) add(o);
  return {
    ok: true as const,
    zip,
    entries: supportersLast(entries),
    token: issueCallToken(campaignId, checkCallerValue(caller)),
  };
}

/** The caller value when it is valid (kept on the page's ZIP form), otherwise null. */
export function validCaller(value: string | null): string | null {
  return checkCallerValue(value) ? value : null;
}

type ReportRefusal = "rate" | "expired" | "not_target";
export type ReportResult =
  | { ok: true; counted: boolean }
  | { ok: false; status: 400 | 429; reason: ReportRefusal; minutes?: number; message: string };

/** One tap after a call: counted once per call-list view and office, rate-limited per visitor. */
export async function reportCall(
  campaignId: number,
  report: CallReport,
  clientIp: string,
): Promise<ReportResult> {
  const limit = await hitRateLimit(callReportRateLimit, clientIp);
  if (!limit.ok)
    return {
      ok: false,
      status: 429,
      reason: "rate",
      minutes: Math.ceil(limit.retryAfterSeconds / 60),
      message: `Too many reports from your connection. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
    };
  const view = checkCallToken(report.token, campaignId);
  if (!view)
    return {
      ok: false,
      status: 400,
      reason: "expired",
      message: "This call list has expired. Reload the page and report again.",
    };
  const office = (await everyTargetOffice(campaignId)).find(
    (o) => o.officeCode === report.target.officeCode && o.officialId === report.target.officialId,
  );
  if (!office)
    return {
      ok: false,
      status: 400,
      reason: "not_target",
      message: "That office is not a target of this campaign.",
    };
  const counted = await insertCall(db(), {
    campaignId,
    officeCode: office.officeCode,
    officialId: office.officialId,
    bioguide: office.bioguide,
    outcome: report.outcome,
    viewNonce: view.nonce,
    supporterId: view.supporterId,
    zip: report.zip ?? null,
    ipHash: hashIp(clientIp),
  });
  return { ok: true, counted };
}

export interface OfficeDay {
  day: string;
  key: string;
  office: string;
  calls: Record<CallOutcome, number>;
  /** Letter submissions and confirmed signatures that day from the office's constituents. */
  letters: number;
  signatures: number;
}

/**
 * Per office and UTC day over the last `days` days: the calls reported, with their outcomes,
 * beside the letters and signatures from the office's constituents (the same seat rule as the
 * scorecard). Only the days and offices with any of them; newest day first, then most calls.
 */
export async function callStats(campaignId: number, days: number): Promise<OfficeDay[]> {
  const [calls, activity, offices] = await Promise.all([
    listCallCounts(db(), campaignId, days),
    listDailySeatActivity(db(), campaignId, days),
    everyTargetOffice(campaignId),
  ]);
  const byKey = new Map(offices.map((o) => [o.key, o]));
  const rows = new Map<string, OfficeDay>();
  const row = (day: string, key: string) => {
    const k = `${day} ${key}`;
    let r = rows.get(k);
    if (!r) {
      const o = byKey.get(key);
      r = {
        day,
        key,
        office: o ? `${o.name} (${o.seat})` : key,
        calls: Object.fromEntries(CALL_OUTCOMES.map((c) => [c, 0])) as Record<CallOutcome, number>,
        letters: 0,
        signatures: 0,
      };
      rows.set(k, r);
    }
    return r;
  };
  for (const c of calls) row(c.day, c.officeCode ?? `official:${c.officialId}`).calls[c.outcome] += c.n;
  for (const a of activity)
    for (const o of offices)
      if (inSeat(o, a)) {
        const r = row(a.day, o.key);
        if (a.source === "wrote") r.letters += a.n;
        else r.signatures += a.n;
      }
  const total = (r: OfficeDay) => CALL_OUTCOMES.reduce((n, c) => n + r.calls[c], 0);
  return [...rows.values()].sort(
    (a, b) => b.day.localeCompare(a.day) || total(b) - total(a) || a.office.localeCompare(b.office),
  );
}

export async function findCallCampaign(slug: string) {
  const campaign = await findCampaign(db(), { slug });
  return campaign && campaign.status !== "draft" ? campaign : null;
}
