import { pool } from "~db/index.server";
import { MAX_ALREADY_SIGNED_NOTICES } from "./petitions";

export interface SignatureRow {
  slug: string;
  email: string;
  emailCanonical: string;
  emailDomain: string;
  firstName: string;
  lastName: string;
  country: string;
  zip: string | null;
  zip5: string | null;
  city: string | null;
  usState: string | null;
  comment: string | null;
  showName: boolean;
  optIn: boolean;
  consentWording: string;
  source: string | null;
  ipHash: string | null;
  ipLimit: number;
  userAgentClass: string;
  honeypot: boolean;
  domainLimit: number;
  disposable: boolean;
  /** The Congress in force (congressAt): whose ZIP map gives the signer's district. */
  congress: number;
  /** The language of the page it was given on (a Locale; its emails are written in it). */
  language: string;
}

// One statement, one round trip: find the petition and whether it is open, look up the ZIP's
// districts, count recent signatures from the same IP hash and email domain (bounded by the
// limit), upsert the supporter (never blanking known details, as upsertSupporterRow does),
// insert the signature (or note a repeat) and record the consent, pending until the signature
// is confirmed from the address (see supporters.server.ts's recordConsent). Nothing is written unless
// the petition is open; the statement commits before the caller answers.
/** An integer written into the statement's text (a constant, not a parameter). */
const MAX_NOTICES = Math.trunc(MAX_ALREADY_SIGNED_NOTICES);

const SIGN_SQL = `
with p as (
  select pe.id, pe.campaign_id, pe.requires_confirmation,
    case when c.status = 'draft' then 'draft'
         when c.status <> 'live' or (pe.deadline is not null and pe.deadline <= now()) then 'closed'
         else 'open' end as status
  from petitions pe join campaigns c on c.id = pe.campaign_id
  where c.slug = $1
),
zd as (
  select array_agg(district order by district) as districts, min(state) as state, count(distinct state) as states
  from zip_districts where zip = $9 and congress = $23::int
),
ip_n as (
  select count(*)::int as n from (
    select 1 from signatures s join p on s.petition_id = p.id
    where $18::int > 0 and s.ip_hash = $17 and s.created_at > now() - interval '1 hour' limit $18::int
  ) x
),
dom_n as (
  select count(*)::int as n from (
    select 1 from signatures s join p on s.petition_id = p.id
    where $21::int > 0 and s.email_domain = $4 and s.created_at > now() - interval '1 hour' limit $21::int
  ) x
),
verdict as (
  select case when $20::boolean then 'honeypot'
              when $18::int > 0 and ip_n.n >= $18::int then 'ip_limit'
              when $21::int > 0 and dom_n.n >= $21::int then 'domain_limit' end as fraud,
         case when zd.states = 1 and array_length(zd.districts, 1) = 1 then zd.districts[1] end as district,
         coalesce(zd.state, $11) as us_state,
         coalesce(zd.districts, '{}') as districts
  from ip_n, dom_n, zd
),
sup as (
  insert into supporters (email, email_canonical, first_name, last_name, country, zip, city, state, district)
  select $2, $3, $5, $6, $7, $8, $10, v.us_state, v.district from p, verdict v where p.status = 'open'
  on conflict (email_canonical) do update set
    first_name = coalesce(nullif(excluded.first_name, ''), supporters.first_name),
    last_name = coalesce(nullif(excluded.last_name, ''), supporters.last_name),
    zip = coalesce(excluded.zip, supporters.zip),
    city = coalesce(excluded.city, supporters.city),
    state = coalesce(excluded.state, supporters.state),
    district = coalesce(excluded.district, supporters.district),
    updated_at = now()
  returning id
),
sig as (
  insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, fraud_reason, first_name, last_name,
    country, zip, city, us_state, district, district_candidates, comment, show_name, source, ip_hash, user_agent_class,
    consent_wording, confirmed_at, language)
  select p.id, sup.id, $3, $4,
    case when v.fraud is not null then 'fraudulent' when p.requires_confirmation then 'pending' else 'confirmed' end,
    coalesce(v.fraud, case when $22::boolean then 'disposable_domain' end),
    $5, $6, $7, $8, $10, v.us_state, v.district, v.districts, $12, $13, $16, $17, $19,
    case when $14::boolean then $15 end,
    case when v.fraud is null and not p.requires_confirmation then now() end,
    $24
  from p, sup, verdict v
  on conflict (petition_id, email_canonical) do update
    set already_signed_notices = least(signatures.already_signed_notices + 1, ${MAX_NOTICES})
    where signatures.state in ('pending', 'confirmed') and signatures.already_signed_notices < ${MAX_NOTICES}
  returning id, state, (xmax = 0) as inserted
),
consent as (
  insert into consents (supporter_id, campaign_id, scope, wording, source, proof)
  select sup.id, p.campaign_id, 'campaign', $15, 'petition:' || $1, 'signature:' || sig.id
  from sup, p, sig where $14::boolean and sig.inserted and sig.state <> 'fraudulent'
  returning id
)
select p.status, p.requires_confirmation as "requiresConfirmation",
  (select id from sig) as "signatureId", coalesce((select inserted from sig), false) as inserted
from p`;

export interface SignOutcome {
  status: "open" | "closed" | "draft";
  requiresConfirmation: boolean;
  signatureId: number | null;
  inserted: boolean;
}

/**
 * Runs the signing statement, unnamed: web processes may reach PostgreSQL through PgBouncer in
 * transaction mode, where a named prepared statement would live on a server connection the
 * next transaction may not get (docs/decisions/021-scale-out.md).
 */
export async function insertSignatureStatement(r: SignatureRow): Promise<SignOutcome | null> {
  const result = await pool().query<SignOutcome>({
    text: SIGN_SQL,
    values: [
      r.slug,
      r.email,
      r.emailCanonical,
      r.emailDomain,
      r.firstName,
      r.lastName,
      r.country,
      r.zip,
      r.zip5,
      r.city,
      r.usState,
      r.comment,
      r.showName,
      r.optIn,
      r.consentWording,
      r.source,
      r.ipHash,
      r.ipLimit,
      r.userAgentClass,
      r.honeypot,
      r.domainLimit,
      r.disposable,
      r.congress,
      r.language,
    ],
  });
  const row = result.rows[0];
  if (!row) return null;
  return { ...row, signatureId: row.signatureId == null ? null : Number(row.signatureId) };
}
