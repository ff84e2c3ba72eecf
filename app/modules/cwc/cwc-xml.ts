/**
 * The CWC 2.0 message as XML: `<CWC>` with `CWCVersion` and the Delivery, Recipient, Constituent
 * and Message blocks in that order. Pure; the schema it must pass is cwc-2.0.rng beside it.
 */

export interface CwcAgent {
  name: string;
  ackEmail: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export interface CwcMessage {
  deliveryId: string;
  /** YYYYMMDD */
  deliveryDate: string;
  agent: CwcAgent;
  organization: string | null;
  campaignId: string;
  office: string;
  constituent: {
    prefix: string;
    firstName: string;
    lastName: string;
    address1: string;
    city: string;
    state: string;
    /** NNNNN or NNNNN-NNNN */
    zip: string;
    email: string;
    phone: string | null;
    emailValidated: boolean;
  };
  subject: string;
  topics: readonly string[];
  /** The template's text. */
  organizationStatement: string | null;
  /** The writer's own paragraph. */
  constituentMessage: string | null;
  moreInfo: string | null;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text safe for an XML element: escaped, and without the control characters XML 1.0 forbids. */
function esc(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function el(name: string, value: string | null | undefined): string {
  return value == null || value === "" ? "" : `<${name}>${esc(value)}</${name}>`;
}

const EASTERN_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/New_York",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The date CWC wants (YYYYMMDD) for a moment, in Eastern time (the chambers' day). */
export function cwcDate(at: Date): string {
  return EASTERN_DAY.format(at).replaceAll("-", "");
}

export function buildCwcXml(m: CwcMessage): string {
  const c = m.constituent;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<CWC><CWCVersion>2.0</CWCVersion>` +
    `<Delivery>${el("DeliveryId", m.deliveryId)}${el("DeliveryDate", m.deliveryDate)}` +
    `${el("DeliveryAgent", m.agent.name)}${el("DeliveryAgentAckEmailAddress", m.agent.ackEmail)}` +
    `<DeliveryAgentContact>${el("DeliveryAgentContactName", m.agent.contactName)}` +
    `${el("DeliveryAgentContactEmail", m.agent.contactEmail)}${el("DeliveryAgentContactPhone", m.agent.contactPhone)}</DeliveryAgentContact>` +
    `${el("Organization", m.organization)}${el("CampaignId", m.campaignId)}</Delivery>` +
    `<Recipient>${el("MemberOffice", m.office)}<IsResponseRequested>N</IsResponseRequested><NewsletterOptIn>N</NewsletterOptIn></Recipient>` +
    `<Constituent>${el("Prefix", c.prefix)}${el("FirstName", c.firstName)}${el("LastName", c.lastName)}` +
    `${el("Address1", c.address1)}${el("City", c.city)}${el("StateAbbreviation", c.state)}${el("Zip", c.zip)}` +
    `${el("Phone", c.phone)}${el("Email", c.email)}<EmailValidation>${c.emailValidated ? "Y" : "N"}</EmailValidation></Constituent>` +
    `<Message>${el("Subject", m.subject)}<LibraryOfCongressTopics>${m.topics.map((t) => el("LibraryOfCongressTopic", t)).join("")}</LibraryOfCongressTopics>` +
    `${el("MoreInfo", m.moreInfo)}${el("OrganizationStatement", m.organizationStatement)}${el("ConstituentMessage", m.constituentMessage)}</Message></CWC>\n`
  );
}
