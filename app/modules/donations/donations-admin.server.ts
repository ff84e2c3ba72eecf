import { z } from "zod";
import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { findCampaignById } from "~/modules/campaigns/campaigns.queries.server";
import { can } from "~/modules/organizers/organizers";
import { csvRow } from "~/lib/csv";
import { dollarsToCents, DONATION_STATUS_LABELS, FREQUENCY_LABELS } from "./donations";
import { setFundGoal } from "./donations.queries.server";
import {
  listDonations,
  listFundCampaigns,
  totalsByCampaign,
  totalsByMonth,
  type DonationFilters,
} from "./donations-admin.queries.server";

/** Donor emails are for owners only: enforced here, on the server, not just hidden in the page. */
export function canSeeDonorEmails(role: OrganizerRole): boolean {
  return can(role, "read-donor-contact");
}

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

const filtersSchema = z.object({
  campaign: z
    .union([z.literal("general"), z.coerce.number().int().positive()])
    .optional()
    .catch(undefined),
  status: z
    .enum(["pending", "succeeded", "failed", "refunded", "disputed", "active", "canceled"])
    .optional()
    .catch(undefined),
  frequency: z.enum(["one_time", "monthly"]).optional().catch(undefined),
  from: date,
  to: date,
  page: z.coerce.number().int().min(0).max(10_000).catch(0).default(0),
});

/** The admin list's filters from the query string; anything unreadable is simply not applied. */
export function parseDonationFilters(params: URLSearchParams): DonationFilters & { page: number } {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  return filtersSchema.parse(raw);
}

const PAGE = 100;

export async function adminDonationsPage(role: OrganizerRole, filters: DonationFilters & { page: number }) {
  const includeEmail = canSeeDonorEmails(role);
  const [donations, byCampaign, byMonth, campaigns] = await Promise.all([
    listDonations(db(), filters, {
      includeNames: can(role, "read-private-contact"),
      includeEmail,
      limit: PAGE + 1,
      offset: filters.page * PAGE,
    }),
    totalsByCampaign(db(), filters),
    totalsByMonth(db(), filters),
    listFundCampaigns(db()),
  ]);
  return {
    donations: donations.slice(0, PAGE),
    more: donations.length > PAGE,
    byCampaign,
    byMonth,
    campaigns,
    showEmail: includeEmail,
    showNames: can(role, "read-private-contact"),
  };
}

/** The CSV export, read in pages of 1,000 so a large history never sits in memory at once. */
export function donationsCsv(role: OrganizerRole, filters: DonationFilters): ReadableStream<Uint8Array> {
  const includeEmail = canSeeDonorEmails(role);
  const includeNames = can(role, "read-private-contact");
  const encoder = new TextEncoder();
  let afterId = 0;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(
          encoder.encode(
            csvRow([
              "id",
              "created_at",
              "campaign",
              "frequency",
              "amount_usd",
              "status",
              "given_usd",
              "gifts",
              "test_mode",
              ...(includeNames ? ["name"] : []),
              ...(includeEmail ? ["email"] : []),
            ]),
          ),
        );
        return;
      }
      const rows = await listDonations(db(), filters, {
        includeNames,
        includeEmail,
        limit: 1000,
        afterId,
        order: "oldest",
      });
      if (!rows.length) return controller.close();
      afterId = rows[rows.length - 1].id;
      const text = rows
        .map((r) =>
          csvRow([
            r.id,
            r.createdAt,
            r.campaignTitle ?? "General fund",
            FREQUENCY_LABELS[r.frequency],
            (r.amountCents / 100).toFixed(2),
            DONATION_STATUS_LABELS[r.status],
            (Number(r.givenCents) / 100).toFixed(2),
            r.giftCount,
            r.testMode ? "yes" : "no",
            ...(includeNames ? [r.name] : []),
            ...(includeEmail ? [r.email] : []),
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
}

export const goalFormSchema = z.object({
  campaignId: z.coerce.number({ error: "Choose a campaign." }).int().positive("Choose a campaign."),
  goal: z.string({ error: "Enter a goal in dollars." }).transform((v, ctx) => {
    const cents = dollarsToCents(v);
    if (cents === null || cents > 100_000_000_00) {
      ctx.addIssue({ code: "custom", message: "Enter a goal in whole dollars and cents, e.g. 25000." });
      return z.NEVER;
    }
    return cents;
  }),
});

/** Sets a campaign's goal; a campaign with a goal takes gifts. Audited in the same transaction. */
export async function setDonationGoal(
  actorId: number,
  campaignId: number,
  goalCents: number,
): Promise<boolean> {
  const campaign = await findCampaignById(db(), campaignId);
  if (!campaign) return false;
  await db()
    .transaction()
    .execute(async (trx) => {
      await setFundGoal(trx, campaignId, goalCents);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "donations.goal",
        subjectType: "campaign",
        subjectId: campaignId,
        details: { goalCents },
      });
    });
  return true;
}
