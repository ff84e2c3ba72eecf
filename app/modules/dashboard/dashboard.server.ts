import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { getMailingProgress } from "~/modules/mail/mailings.server";
import { can } from "~/modules/organizers/organizers";
import { trendingThreshold } from "~/modules/petitions/petition-settings.server";
import { getSetting } from "~/modules/settings/settings.server";
import {
  callHours,
  giftHours,
  type HourRow,
  lastMailing,
  letterHours,
  refusedDeliveries,
  signatureHours,
  tipHours,
  topDistricts,
  topStates,
  trendingPetitions,
  unsubscribedAfter,
  waitingCounts,
} from "./dashboard.queries.server";
import { toSeries, type WindowKey, windowHours } from "./windows";

export type MetricKey = "signatures" | "letters" | "calls" | "gifts" | "given" | "tips";

/**
 * What a role sees on the dashboard, decided here on the server (the page data holds nothing
 * more): gifts and their amounts are for owners (as on a supporter's page), tip counts for the
 * roles that see tipsters (owners and editors), never for viewers.
 */
export function dashboardAccess(role: OrganizerRole) {
  return { donations: can(role, "read-donor-contact"), tips: can(role, "read-private-contact") };
}

const byCampaign = (rows: HourRow[], field: "n" | "cents" = "n") => {
  const out = new Map<number, Array<{ hour: Date; value: number }>>();
  for (const r of rows) {
    const list = out.get(Number(r.campaignId)) ?? [];
    list.push({ hour: r.hour, value: Number(r[field] ?? 0) });
    out.set(Number(r.campaignId), list);
  }
  return out;
};

/** Per campaign, each figure the role may see as a series over the chosen window (roll-ups and indexed ranges only). */
async function campaignActivity(role: OrganizerRole, window: WindowKey, at: number) {
  const access = dashboardAccess(role);
  const campaigns = await listCampaignsForAdmin();
  const ids = campaigns.map((c) => c.id);
  const { thisHour, since } = windowHours(at);
  const from = new Date(since);
  const [signatures, letters, calls, gifts, tips] = await Promise.all([
    signatureHours(db(), ids, from),
    letterHours(db(), ids, from),
    callHours(db(), ids, from),
    access.donations ? giftHours(db(), ids, from) : Promise.resolve([]),
    access.tips ? tipHours(db(), ids, from) : Promise.resolve([]),
  ]);
  const sources: Array<[MetricKey, Map<number, Array<{ hour: Date; value: number }>>]> = [
    ["signatures", byCampaign(signatures)],
    ["letters", byCampaign(letters)],
    ["calls", byCampaign(calls)],
  ];
  if (access.donations) sources.push(["gifts", byCampaign(gifts)], ["given", byCampaign(gifts, "cents")]);
  if (access.tips) sources.push(["tips", byCampaign(tips)]);
  return campaigns
    .map((c) => {
      const metrics = sources.map(([key, m]) => ({ key, ...toSeries(m.get(c.id) ?? [], thisHour, window) }));
      return { id: c.id, title: c.title, status: c.status, metrics };
    })
    .filter((c) => c.status === "live" || c.metrics.some((m) => m.totals.month > 0));
}

/** The last update's figures: sent, queued, delivered, bounced, complained, unsubscribed after it. */
async function lastUpdateFigures() {
  const mailing = await lastMailing(db());
  if (!mailing) return null;
  const [progress, unsubscribed] = await Promise.all([
    getMailingProgress(mailing.id),
    unsubscribedAfter(db(), mailing.id),
  ]);
  return { ...mailing, progress, unsubscribed };
}

/** What waits for someone, each with the page where it is handled. */
async function workWaiting(role: OrganizerRole) {
  const threshold = await getSetting(trendingThreshold);
  const [counts, trending, refused] = await Promise.all([
    waitingCounts(db()),
    trendingPetitions(db(), threshold),
    refusedDeliveries(db()),
  ]);
  return {
    newTips: dashboardAccess(role).tips ? counts.newTips : null,
    replies: counts.replies,
    failedEmails: counts.failedEmails,
    outboxLink: can(role, "read-outbox"),
    trending,
    trendingThreshold: threshold,
    refused,
  };
}

/** Everything /admin shows, for one organizer's role. */
export async function organizerDashboard(role: OrganizerRole, window: WindowKey, at = Date.now()) {
  const [campaigns, states, districts, lastUpdate, waiting] = await Promise.all([
    campaignActivity(role, window, at),
    topStates(db(), 10),
    topDistricts(db(), 10),
    lastUpdateFigures(),
    workWaiting(role),
  ]);
  return { window, access: dashboardAccess(role), campaigns, states, districts, lastUpdate, waiting };
}
