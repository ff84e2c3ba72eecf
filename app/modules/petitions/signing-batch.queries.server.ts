import { pool } from "~db/index.server";
import { MAX_ALREADY_SIGNED_NOTICES } from "./petitions";
import type { SignatureRow, SignOutcome } from "./signing.queries.server";

/** An integer written into the statement's text (a constant, not a parameter). */
const MAX_NOTICES = Math.trunc(MAX_ALREADY_SIGNED_NOTICES);

// The signing statement of signing.queries.server.ts for many rows at once: the rows come as one
// JSON parameter and every step is the one-row statement's, per row (lateral joins). The caller
// (sign-batcher.server.ts) never puts two rows with one address in one statement; a row's IP and
// email-domain counts add the new signatures of the rows before it (field i, the arrival order),
// so each row's outcome is the one it would have had one statement after another. Rows are written in address order, so
// two statements that overlap take their row locks in the same order (no deadlock between them).
const SIGN_BATCH_SQL = `
with r as (
  select * from json_to_recordset($1::json) as x(i int, slug text, email text, email_canonical text,
    email_domain text, first_name text, last_name text, country text, zip text, zip5 char(5), city text,
    us_state text, comment text, show_name boolean, opt_in boolean, consent_wording text, source text,
    ip_hash text, ip_limit int, user_agent_class text, honeypot boolean, domain_limit int, disposable boolean,
    congress int, language text)
),
pre as (
  select r.*, p.id as petition_id, p.campaign_id, p.requires_confirmation, p.status,
    ip_n.n as ip_before, dom_n.n as dom_before,
    not exists (select 1 from signatures s where s.petition_id = p.id and s.email_canonical = r.email_canonical) as fresh,
    case when zd.states = 1 and array_length(zd.districts, 1) = 1 then zd.districts[1] end as district,
    coalesce(zd.state, r.us_state) as place_state,
    coalesce(zd.districts, '{}') as districts
  from r
  join lateral (
    select pe.id, pe.campaign_id, pe.requires_confirmation,
      case when c.status = 'draft' then 'draft'
           when c.status <> 'live' or (pe.deadline is not null and pe.deadline <= now()) then 'closed'
           else 'open' end as status
    from petitions pe join campaigns c on c.id = pe.campaign_id
    where c.slug = r.slug
  ) p on true
  cross join lateral (
    select array_agg(district order by district) as districts, min(state) as state, count(distinct state) as states
    from zip_districts where zip = r.zip5 and congress = r.congress
  ) zd
  cross join lateral (
    select count(*)::int as n from (
      select 1 from signatures s
      where r.ip_limit > 0 and s.petition_id = p.id and s.ip_hash = r.ip_hash
        and s.created_at > now() - interval '1 hour' limit r.ip_limit
    ) x
  ) ip_n
  cross join lateral (
    select count(*)::int as n from (
      select 1 from signatures s
      where r.domain_limit > 0 and s.petition_id = p.id and s.email_domain = r.email_domain
        and s.created_at > now() - interval '1 hour' limit r.domain_limit
    ) x
  ) dom_n
),
-- A row's IP and domain counts include the new signatures of the rows that arrived before it.
counted as (
  select pre.*,
    case when ip_hash is null then 0 else ip_before + coalesce(count(*) filter (where fresh) over (
      partition by petition_id, ip_hash order by i rows between unbounded preceding and 1 preceding), 0) end as ip_n,
    dom_before + coalesce(count(*) filter (where fresh) over (
      partition by petition_id, email_domain order by i rows between unbounded preceding and 1 preceding), 0) as dom_n
  from pre
),
v as (
  select counted.*,
    case when honeypot then 'honeypot'
         when ip_limit > 0 and ip_n >= ip_limit then 'ip_limit'
         when domain_limit > 0 and dom_n >= domain_limit then 'domain_limit' end as fraud
  from counted
),
sup as (
  insert into supporters (email, email_canonical, first_name, last_name, country, zip, city, state, district)
  select email, email_canonical, first_name, last_name, country, zip, city, place_state, district
  from v where status = 'open' order by email_canonical
  on conflict (email_canonical) do update set
    first_name = coalesce(nullif(excluded.first_name, ''), supporters.first_name),
    last_name = coalesce(nullif(excluded.last_name, ''), supporters.last_name),
    zip = coalesce(excluded.zip, supporters.zip),
    city = coalesce(excluded.city, supporters.city),
    state = coalesce(excluded.state, supporters.state),
    district = coalesce(excluded.district, supporters.district),
    updated_at = now()
  returning id, email_canonical
),
sig as (
  insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, fraud_reason, first_name, last_name,
    country, zip, city, us_state, district, district_candidates, comment, show_name, source, ip_hash, user_agent_class,
    consent_wording, confirmed_at, language)
  select v.petition_id, sup.id, v.email_canonical, v.email_domain,
    case when v.fraud is not null then 'fraudulent' when v.requires_confirmation then 'pending' else 'confirmed' end,
    coalesce(v.fraud, case when v.disposable then 'disposable_domain' end),
    v.first_name, v.last_name, v.country, v.zip, v.city, v.place_state, v.district, v.districts, v.comment,
    v.show_name, v.source, v.ip_hash, v.user_agent_class,
    case when v.opt_in then v.consent_wording end,
    case when v.fraud is null and not v.requires_confirmation then now() end,
    v.language
  from v join sup on sup.email_canonical = v.email_canonical
  order by v.email_canonical
  on conflict (petition_id, email_canonical) do update
    set already_signed_notices = least(signatures.already_signed_notices + 1, ${MAX_NOTICES})
    where signatures.state in ('pending', 'confirmed') and signatures.already_signed_notices < ${MAX_NOTICES}
  returning id, state, (xmax = 0) as inserted, petition_id, email_canonical
),
consent as (
  insert into consents (supporter_id, campaign_id, scope, wording, source, proof)
  select sup.id, v.campaign_id, 'campaign', v.consent_wording, 'petition:' || v.slug, 'signature:' || sig.id
  from v join sup on sup.email_canonical = v.email_canonical
    join sig on sig.petition_id = v.petition_id and sig.email_canonical = v.email_canonical
  where v.opt_in and sig.inserted and sig.state <> 'fraudulent'
  returning id
)
select v.i, v.status, v.requires_confirmation as "requiresConfirmation", sig.id as "signatureId",
  coalesce(sig.inserted, false) as inserted
from v left join sig on sig.petition_id = v.petition_id and sig.email_canonical = v.email_canonical`;

/**
 * Runs the signing statement for rows that cannot see each other (unnamed, for PgBouncer in
 * transaction mode). One outcome per row, in the rows' order: null where no petition has the slug.
 */
export async function insertSignatureBatch(rows: SignatureRow[]): Promise<(SignOutcome | null)[]> {
  const json = rows.map((r, i) => ({
    i,
    slug: r.slug,
    email: r.email,
    email_canonical: r.emailCanonical,
    email_domain: r.emailDomain,
    first_name: r.firstName,
    last_name: r.lastName,
    country: r.country,
    zip: r.zip,
    zip5: r.zip5,
    congress: r.congress,
    city: r.city,
    us_state: r.usState,
    comment: r.comment,
    show_name: r.showName,
    opt_in: r.optIn,
    consent_wording: r.consentWording,
    source: r.source,
    ip_hash: r.ipHash,
    ip_limit: r.ipLimit,
    user_agent_class: r.userAgentClass,
    honeypot: r.honeypot,
    domain_limit: r.domainLimit,
    disposable: r.disposable,
    language: r.language,
  }));
  const result = await pool().query<SignOutcome & { i: number }>({
    text: SIGN_BATCH_SQL,
    values: [JSON.stringify(json)],
  });
  const outcomes: (SignOutcome | null)[] = rows.map(() => null);
  for (const { i, ...row } of result.rows)
    outcomes[i] = { ...row, signatureId: row.signatureId == null ? null : Number(row.signatureId) };
  return outcomes;
}
