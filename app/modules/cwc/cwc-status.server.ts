import { db } from "~db/index.server";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { chamberOf, CWC_STATUS_LABELS, type CwcStatusName } from "./cwc";
import { cwcConfigured } from "./cwc-adapter.server";
import { countDeliveriesByOffice, listRefusals, listSubmissionDeliveries } from "./cwc.queries.server";

/* Who sees what of CWC delivery: the writer per letter, organizers per office and campaign, the public per office. */

export interface LetterDeliveryStatus {
  office: string;
  status: CwcStatusName;
  label: string;
  /** The office's reason for a refusal, or why the contact form is needed. */
  reason: string | null;
  /** e.g. re-addressed at delivery to the member of a new Congress. */
  note: string | null;
}

/** The writer's delivery page: each letter's CWC status by letter id. */
export async function submissionDeliveryStatuses(
  submissionId: number,
): Promise<Map<number, LetterDeliveryStatus>> {
  const rows = await listSubmissionDeliveries(db(), submissionId);
  return new Map(
    rows.map((r) => [
      Number(r.letterId),
      {
        office: r.office,
        status: r.status,
        label: CWC_STATUS_LABELS[r.status],
        reason: r.reason,
        note: r.note,
      },
    ]),
  );
}

export interface OfficeDeliveryCounts {
  office: string;
  counts: Record<CwcStatusName, number>;
  total: number;
}

function byOffice(
  rows: Array<{ office: string; status: CwcStatusName; n: string | number }>,
): OfficeDeliveryCounts[] {
  const map = new Map<string, OfficeDeliveryCounts>();
  for (const r of rows) {
    let entry = map.get(r.office);
    if (!entry) {
      entry = {
        office: r.office,
        counts: { queued: 0, sent: 0, accepted: 0, refused: 0, contact_form: 0 },
        total: 0,
      };
      map.set(r.office, entry);
    }
    entry.counts[r.status] += Number(r.n);
    entry.total += Number(r.n);
  }
  return [...map.values()];
}

/** Organizers: a campaign's deliveries per office, and the latest refusals with the office's reasons; null for no such campaign. */
export async function campaignDeliveryReport(campaignId: number) {
  const campaign = await getCampaignForEdit(campaignId);
  if (!campaign) return null;
  const [counts, refusals] = await Promise.all([
    countDeliveriesByOffice(db(), campaignId),
    listRefusals(db(), campaignId),
  ]);
  return {
    campaign: { id: campaign.id, title: campaign.title },
    configured: { house: cwcConfigured("house"), senate: cwcConfigured("senate") },
    offices: byOffice(counts),
    refusals,
  };
}

/** The public /delivery page: per office, how letters are delivered and how many were accepted. */
export async function publicDeliveryFigures() {
  const offices = byOffice(await countDeliveriesByOffice(db(), null)).map((o) => ({
    office: o.office,
    chamber: chamberOf(o.office),
    method: o.counts.contact_form === o.total ? ("contact form" as const) : ("CWC" as const),
    accepted: o.counts.accepted,
    total: o.total,
  }));
  return {
    configured: { house: cwcConfigured("house"), senate: cwcConfigured("senate") },
    offices,
    accepted: offices.reduce((n, o) => n + o.accepted, 0),
  };
}
