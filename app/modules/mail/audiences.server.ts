import type { SelectQueryBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { Executor } from "~db/index.server";
import { segmentAudience } from "~/modules/supporters/segments.server";
import { livesIn } from "./scope.queries.server";

/** A query of supporter ids (one column named `supporterId`). */
export type RecipientQuery = SelectQueryBuilder<Database, any, { supporterId: number }>;

export interface AudienceDefinition {
  key: string;
  label: string;
  /** Whether the organizer must pick a campaign for this audience. */
  needsCampaign: boolean;
  /**
   * The supporters in the audience. The fan-out keeps only those who are confirmed, not
   * suppressed, and hold an active consent covering the update (scope `all`, or scope `campaign`
   * for the update's campaign, minus campaign opt-outs), at preparation and again at send time,
   * so an audience never has to repeat those rules.
   */
  selectRecipients(db: Executor, params: { campaignId: number | null }): RecipientQuery;
}

const registry = new Map<string, AudienceDefinition>();

/**
 * Registers an audience for campaign updates. Areas call this at module load from their own
 * `<area>.server.ts` (e.g. petitions: "Confirmed signers of this campaign").
 */
export function registerAudience(definition: AudienceDefinition): void {
  registry.set(definition.key, definition);
}

/**
 * The audience of an update's key: a registered one, or a saved segment ("segment:<id>"), whose
 * members are found from its filters each time (at send time, not when the update was saved).
 */
export async function resolveAudience(db: Executor, key: string): Promise<AudienceDefinition | undefined> {
  return registry.get(key) ?? (await segmentAudience(db, key)) ?? undefined;
}

export function listAudiences(): Array<Pick<AudienceDefinition, "key" | "label" | "needsCampaign">> {
  return [...registry.values()].map(({ key, label, needsCampaign }) => ({ key, label, needsCampaign }));
}

// The two consent-based audiences, owned by the mail area.
registerAudience({
  key: "campaign-subscribers",
  label: "Subscribers of this campaign",
  needsCampaign: true,
  selectRecipients: (db, { campaignId }) =>
    db
      .selectFrom("consents")
      .select("consents.supporterId")
      .where("consents.scope", "=", "campaign")
      .where("consents.campaignId", "=", campaignId ?? 0)
      .where("consents.withdrawnAt", "is", null)
      .where("consents.provenAt", "is not", null),
});

registerAudience({
  key: "everyone",
  label: "Everyone subscribed to all updates",
  needsCampaign: false,
  selectRecipients: (db) =>
    db
      .selectFrom("consents")
      .select("consents.supporterId")
      .where("consents.scope", "=", "all")
      .where("consents.withdrawnAt", "is", null)
      .where("consents.provenAt", "is not", null),
});

// The other areas' audiences, registered here (not at their modules' load) so that every process
// that sends updates has them whatever it happened to import.
registerAudience({
  key: "petition-signers",
  label: "Confirmed signers of this campaign's petition",
  needsCampaign: true,
  selectRecipients: (db, { campaignId }) =>
    db
      .selectFrom("signatures")
      .innerJoin("petitions", "petitions.id", "signatures.petitionId")
      .select("signatures.supporterId")
      .where("petitions.campaignId", "=", campaignId ?? 0)
      .where("signatures.state", "=", "confirmed"),
});

registerAudience({
  key: "donors",
  label: "Donors to this campaign (not refunded)",
  needsCampaign: true,
  selectRecipients: (db, { campaignId }) =>
    db
      .selectFrom("donations")
      .select((eb) => eb.ref("donations.supporterId").$castTo<number>().as("supporterId"))
      .where("donations.campaignId", "=", campaignId ?? 0)
      .where("donations.supporterId", "is not", null)
      .where("donations.status", "in", ["succeeded", "active", "canceled"]),
});

registerAudience({
  key: "letter-writers",
  label: "Supporters who wrote letters for this campaign",
  needsCampaign: true,
  selectRecipients: (db, { campaignId }) =>
    db
      .selectFrom("letterSubmissions")
      .select("letterSubmissions.supporterId")
      .where("letterSubmissions.campaignId", "=", campaignId ?? 0),
});

/** The list a recipient was reached through, named in their unsubscribe link. */
export function listCampaignOf(mailing: { audience: string; campaignId: number | null }): number | null {
  return mailing.audience === "everyone" ? null : mailing.campaignId;
}

/** The audience narrowed to one state or one seat, when the update is scoped to one. */
export function scopedRecipients(
  db: Executor,
  query: RecipientQuery,
  mailing: { scopeState: string | null; scopeOffice: string | null },
): RecipientQuery {
  const scope = mailing.scopeOffice
    ? { office: mailing.scopeOffice }
    : mailing.scopeState
      ? { state: mailing.scopeState }
      : null;
  if (!scope) return query;
  return db
    .selectFrom("supporters as s")
    .select("s.id as supporterId")
    .where("s.id", "in", query)
    .where(livesIn(scope));
}
