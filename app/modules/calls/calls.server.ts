import { db } from "~db/index.server";
import type { StatementPosition } from "~db/schema";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { lookupDistricts, nearestOffice } from "~/modules/legislators/district-lookup.server";
import { defineRateLimit, hitRateLimit } from "~/modules/security/rate-limit.server";
import { hashIp } from "~/modules/security/ip-hash.server";
import { POSITIONS, scriptPosition, supportersLast } from "~/modules/statements/statements";
import { currentPositions, type CurrentPosition } from "~/modules/statements/positions.server";
import { campaignTargetOffices, type TargetOffice } from "~/modules/statements/targets.server";
import { findCampaign } from "~/modules/statements/statements.queries.server";
import { checkCallToken, issueCallToken } from "./call-token.server";
import { fillScript } from "./calls";
import type { CallReport } from "./calls.schema";
import { insertCall, listCallCounts, listCallScripts, upsertCallScripts } from "./calls.queries.server";

export const callReportRateLimit = defineRateLimit("call-reports", "Call outcome reports per visitor", {
  max: 60,
  windowSeconds: 3600,
});

export async function getCallScript(campaignId: number, position: StatementPosition): Promise<string | null> {
  const scripts = await listCallScripts(db(), campaignId);
  return scripts.find((s) => s.position === position)?.script ?? null;
}

export async function callScriptsFor(campaignId: number) {
  const rows = await listCallScripts(db(), campaignId);
  return Object.fromEntries(
    POSITIONS.map((p) => [p, rows.find((r) => r.position === p)?.script ?? ""]),
  ) as Record<StatementPosition, string>;
}

export async function saveCallScripts(
  organizerId: number,
  campaignId: number,
  scripts: Record<StatementPosition, string>,
) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await upsertCallScripts(
        trx,
        campaignId,
        organizerId,
        POSITIONS.map((position) => ({ position, script: scripts[position] })),
      );
      await insertAuditEntry(trx, {
        organizerId,
        action: "call-scripts.update",
        subjectType: "campaign",
        subjectId: campaignId,
      });
    });
}

export interface CallEntry {
  key: string;
  name: string;
  title: string;
  seat: string;
  maybe: boolean;
  position: StatementPosition | null;
  script: string;
  phone: string | null;
  districtPhone: string | null;
  districtPlace: string | null;
}

/**
 * The call list for a ZIP: the caller's senators and representative (every candidate when the
 * ZIP spans several districts) among the campaign's targets, then its other targets; each with
 * the script for its current position and its phone numbers; those who support come last.
 */
export async function callList(campaignId: number, zip: string) {
  const [{ result }, offices, positions, scripts] = await Promise.all([
    lookupDistricts(zip),
    campaignTargetOffices(campaignId),
    currentPositions(campaignId),
    callScriptsFor(campaignId),
  ]);
  if (!result.ok) return { ok: false as const, message: result.message };
  const byBioguide = new Map(offices.filter((o) => o.member).map((o) => [o.member!.bioguide, o]));
  const entries: CallEntry[] = [];
  const seen = new Set<string>();
  const add = (
    office: TargetOffice,
    maybe: boolean,
    extra: {
      phone: string | null;
      districtPhone: string | null;
      districtPlace: string | null;
      title: string;
    },
  ) => {
    if (seen.has(office.key)) return;
    seen.add(office.key);
    const position: CurrentPosition | undefined = positions.get(office.key);
    entries.push({
      key: office.key,
      name: office.name,
      seat: office.seat,
      maybe,
      position: position?.position ?? null,
      script: fillScript(scripts[scriptPosition(position?.position)] ?? "", office.name),
      ...extra,
    });
  };
  const candidates = result.lookup.candidates;
  for (const c of candidates) {
    for (const m of [...c.senators, ...(c.house ? [c.house] : [])]) {
      const office = byBioguide.get(m.bioguide);
      if (!office) continue;
      const near = nearestOffice(m.districtOffices, zip);
      add(office, m.chamber === "house" && candidates.length > 1, {
        title: m.title,
        phone: m.phone,
        districtPhone: near?.phone ?? null,
        districtPlace: near ? [near.city, near.state].filter(Boolean).join(", ") : null,
      });
    }
  }
  for (const o of offices)
    if (o.chamber === "official")
      add(o, false, { title: o.seat, phone: null, districtPhone: null, districtPlace: null });
  return { ok: true as const, zip, entries: supportersLast(entries), token: issueCallToken(campaignId) };
}

export type ReportResult = { ok: true; counted: boolean } | { ok: false; status: 400 | 429; message: string };

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
      message: `Too many reports from your connection. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
    };
  const nonce = checkCallToken(report.token, campaignId);
  if (!nonce)
    return {
      ok: false,
      status: 400,
      message: "This call list has expired. Reload the page and report again.",
    };
  const office = (await campaignTargetOffices(campaignId)).find(
    (o) => o.officeCode === report.target.officeCode && o.officialId === report.target.officialId,
  );
  if (!office) return { ok: false, status: 400, message: "That office is not a target of this campaign." };
  const counted = await insertCall(db(), {
    campaignId,
    officeCode: office.officeCode,
    officialId: office.officialId,
    bioguide: office.member?.bioguide ?? null,
    outcome: report.outcome,
    viewNonce: nonce,
    zip: report.zip ?? null,
    ipHash: hashIp(clientIp),
  });
  return { ok: true, counted };
}

/** Calls per office and day, with outcomes, for organizers. */
export async function callStats(campaignId: number, days: number) {
  const [rows, offices] = await Promise.all([
    listCallCounts(db(), campaignId, days),
    campaignTargetOffices(campaignId),
  ]);
  const names = new Map(offices.map((o) => [o.key, `${o.name} (${o.seat})`]));
  return rows.map((r) => {
    const key = r.officeCode ?? `official:${r.officialId}`;
    return { ...r, key, office: names.get(key) ?? key };
  });
}

export async function findCallCampaign(slug: string) {
  const campaign = await findCampaign(db(), { slug });
  return campaign && campaign.status !== "draft" ? campaign : null;
}
