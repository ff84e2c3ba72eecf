import { db } from "~db/index.server";
import type { Locale } from "~/i18n/locales";
import { campaignsInLocale } from "~/modules/translations/translations.server";
import { targetKey } from "./positions.server";
import {
  findCampaign,
  findMember,
  listMemberStatements,
  listVerifiedStatements,
} from "./statements.queries.server";

// The public reads of officials' statements: a member's page and a campaign's JSON feed.

/**
 * A member's page: who they are and their verified positions on every public campaign, each
 * campaign named in the page's language where an organizer wrote its title in it.
 */
export async function memberPage(bioguide: string, locale: Locale = "en") {
  const member = await findMember(db(), bioguide);
  if (!member) return null;
  const rows = await listMemberStatements(db(), bioguide);
  const titles = await campaignsInLocale(
    rows.map((s) => ({ id: s.campaignId, title: s.campaignTitle, summary: "" })),
    locale,
  );
  const statements = rows.map((s, i) => ({
    ...s,
    campaignTitle: titles[i].title,
    campaignTitleLang: titles[i].lang.title,
  }));
  return { member, statements };
}

/** The JSON feed of a campaign's verified statements (null for a missing or draft campaign). */
export async function statementsFeed(slug: string) {
  const campaign = await findCampaign(db(), { slug });
  if (!campaign || campaign.status === "draft") return null;
  const statements = await listVerifiedStatements(db(), campaign.id);
  return {
    campaign: { slug: campaign.slug, title: campaign.title },
    statements: statements.map((s) => ({
      id: s.id,
      target: targetKey(s),
      officeCode: s.officeCode,
      bioguide: s.bioguide,
      name: s.memberName,
      position: s.position,
      kind: s.kind,
      statedOn: s.statedOn,
      text: s.body,
      sourceUrl: s.sourceUrl,
      bill: s.bill,
      rollCall: s.rollCall,
      verifiedAt: s.verifiedAt,
    })),
  };
}
