import type { DonationRow, CampaignRow, OutreachRow } from "./actions.queries.server";
import { identifier, isoDate, OSDI_BASE } from "./osdi";
import type { PersonRow } from "./people.queries.server";
import type { PetitionRow, SignatureRow } from "./petitions.queries.server";

/* Rows as OSDI resources (HAL+JSON): identifiers, ISO dates, links to themselves and their kin. */
export const ORIGIN_SYSTEM = "Bring Them Home";

const link = (origin: string, path: string) => ({ href: `${origin}${OSDI_BASE}/${path}` });

export function personResource(origin: string, p: PersonRow) {
  return {
    identifiers: [identifier(p.id)],
    origin_system: ORIGIN_SYSTEM,
    created_date: isoDate(p.createdAt),
    modified_date: isoDate(p.updatedAt),
    given_name: p.firstName,
    family_name: p.lastName,
    email_addresses: [
      { address: p.email, primary: true, status: p.subscribed ? "subscribed" : "unsubscribed" },
    ],
    postal_addresses: [
      {
        primary: true,
        ...(p.zip ? { postal_code: p.zip } : {}),
        ...(p.city ? { locality: p.city } : {}),
        ...(p.state ? { region: p.state } : {}),
        country: p.country,
      },
    ],
    _links: { self: link(origin, `people/${p.id}`) },
  };
}

export function petitionResource(origin: string, p: PetitionRow) {
  return {
    identifiers: [identifier(p.id)],
    origin_system: ORIGIN_SYSTEM,
    created_date: isoDate(p.createdAt),
    modified_date: isoDate(p.modifiedAt),
    title: p.title,
    name: p.slug,
    description: p.summary,
    petition_text: p.ask,
    browser_url: `${origin}/campaigns/${p.slug}`,
    target: p.targetSummary ? [{ name: p.targetSummary }] : [],
    total_signatures: p.confirmed ?? 0,
    "bringthemhome:goal": p.goal,
    "bringthemhome:status": p.status,
    ...(p.deadline ? { "bringthemhome:deadline": isoDate(p.deadline) } : {}),
    _links: {
      self: link(origin, `petitions/${p.id}`),
      "osdi:signatures": link(origin, `petitions/${p.id}/signatures`),
      "osdi:record_signature_helper": link(origin, `petitions/${p.id}/signatures/record_signature_helper`),
      "osdi:advocacy_campaign": link(origin, `advocacy_campaigns/${p.campaignId}`),
    },
  };
}

export function signatureResource(origin: string, s: SignatureRow) {
  return {
    identifiers: [identifier(s.id)],
    origin_system: ORIGIN_SYSTEM,
    created_date: isoDate(s.createdAt),
    modified_date: isoDate(s.modifiedAt),
    ...(s.comment ? { comments: s.comment } : {}),
    /** pending (not yet confirmed from the email), confirmed, withdrawn or invalidated. */
    "bringthemhome:status": s.state,
    ...(s.source ? { referrer_data: { source: s.source } } : {}),
    _links: {
      self: link(origin, `signatures/${s.id}`),
      "osdi:petition": link(origin, `petitions/${s.petitionId}`),
      "osdi:person": link(origin, `people/${s.supporterId}`),
    },
  };
}

export function donationResource(origin: string, d: DonationRow) {
  const amount = (d.amountCents / 100).toFixed(2);
  return {
    identifiers: [identifier(d.id)],
    origin_system: ORIGIN_SYSTEM,
    created_date: isoDate(d.completedAt ?? d.createdAt),
    modified_date: isoDate(d.modifiedAt),
    currency: d.currency.toUpperCase(),
    amount,
    recipients: [{ display_name: d.campaignTitle ?? ORIGIN_SYSTEM, amount }],
    payment: { method: "Credit Card", processor: "Stripe" },
    recurrence: {
      recurring: d.frequency === "monthly",
      ...(d.frequency === "monthly" ? { period: "Monthly" } : {}),
    },
    "bringthemhome:status": d.status,
    ...(d.testMode ? { "bringthemhome:test_mode": true } : {}),
    _links: {
      self: link(origin, `donations/${d.id}`),
      ...(d.donorId ? { "osdi:person": link(origin, `people/${d.donorId}`) } : {}),
    },
  };
}

export function advocacyCampaignResource(origin: string, c: CampaignRow) {
  return {
    identifiers: [identifier(c.id)],
    origin_system: ORIGIN_SYSTEM,
    created_date: isoDate(c.createdAt),
    modified_date: isoDate(c.updatedAt),
    title: c.title,
    name: c.slug,
    description: c.summary,
    browser_url: `${origin}/campaigns/${c.slug}`,
    type: "letter, phone",
    targets: c.targetSummary ? [{ title: c.targetSummary }] : [],
    total_outreaches: c.outreaches,
    "bringthemhome:status": c.status,
    _links: {
      self: link(origin, `advocacy_campaigns/${c.id}`),
      "osdi:outreaches": link(origin, `advocacy_campaigns/${c.id}/outreaches`),
    },
  };
}

export function outreachResource(origin: string, o: OutreachRow) {
  const id = `${o.kind}-${o.id}`;
  return {
    identifiers: [identifier(id)],
    origin_system: ORIGIN_SYSTEM,
    created_date: isoDate(o.createdAt),
    modified_date: isoDate(o.createdAt),
    type: o.kind === "letter" ? "letter" : "phone",
    ...(o.subject ? { subject: o.subject } : {}),
    ...(o.body ? { message: o.body } : {}),
    targets: o.targetName ? [{ name: o.targetName, ...(o.targetTitle ? { title: o.targetTitle } : {}) }] : [],
    /** For a letter, how it went out (contact_form, print…); for a call, its outcome. */
    "bringthemhome:detail": o.detail,
    _links: {
      self: link(origin, `outreaches/${id}`),
      "osdi:advocacy_campaign": link(origin, `advocacy_campaigns/${o.campaignId}`),
      ...(o.personId ? { "osdi:person": link(origin, `people/${o.personId}`) } : {}),
    },
  };
}
