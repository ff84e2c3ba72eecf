import { sql } from "kysely";
import type { Executor } from "~db/index.server";

let n = 0;

/**
 * A signer of a campaign's petition (which must exist): confirmed or pending, consenting to the
 * campaign's email or not, living at a ZIP in a state (and district, when known). Returns the
 * supporter's id and email.
 */
export async function makeSigner(
  db: Executor,
  campaignId: number,
  where: { state: string; zip: string; district?: number | null },
  options: { name?: string; confirmed?: boolean; consent?: boolean } = {},
) {
  n++;
  const confirmed = options.confirmed ?? true;
  const name = options.name ?? "Signer";
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now().toString(36)}-${n}@example.org`;
  const district = where.district ?? null;
  const r = await sql<{ id: number }>`
    with p as (select id from petitions where campaign_id = ${campaignId}),
    s as (
      insert into supporters (email, email_canonical, first_name, last_name, zip, state, district, confirmed_at)
      values (${email}, ${email}, ${name}, 'Tester', ${where.zip}, ${where.state}, ${district}::int, case when ${confirmed} then now() end)
      returning id
    ), sig as (
      insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name, zip, us_state, district, confirmed_at)
      select p.id, s.id, ${email}, 'example.org', case when ${confirmed} then 'confirmed' else 'pending' end, ${name}, 'Tester',
        ${where.zip}, ${where.state}, ${district}::int, case when ${confirmed} then now() end from p, s
      returning supporter_id
    ), con as (
      insert into consents (supporter_id, campaign_id, scope, wording, source, proven_at)
      select s.id, ${campaignId}, 'campaign', 'Send me updates', 'factory', case when ${confirmed} then now() end from s
      where ${options.consent ?? true}
      returning supporter_id
    )
    select id from s`.execute(db);
  return { id: Number(r.rows[0].id), email };
}
