/**
 * The benches' million-signature loader: `from`..`to` generated supporters and their confirmed
 * signatures on one petition (generate_series, 250,000 a statement), spread over the last
 * `spreadHours` hours across ten states and five districts; one in 25 shares the IP hash
 * 'burst-address-hash' (the transparency bench invalidates them as an IP burst). `query` is any pg-style runner.
 */
export async function insertConfirmedSignatures(
  query: (text: string, params: unknown[]) => Promise<unknown>,
  petitionId: number,
  from: number,
  to: number,
  spreadHours = 168,
  log: (m: string) => void = () => undefined,
) {
  for (let a = from; a <= to; a += 250_000) {
    const b = Math.min(to, a + 249_999);
    await query(
      `with s as (
         insert into supporters (email, email_canonical, first_name, last_name, zip, state, district, confirmed_at)
         select 'gen' || g || '@gen' || (g % 997) || '.example', 'gen' || g || '@gen' || (g % 997) || '.example', 'Gen', 'Signer', '05401', 'VT', 0, now()
         from generate_series($2::int, $3::int) g returning id, email_canonical
       )
       insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name, zip, us_state, district,
         confirmed_at, confirmation_sent_at, created_at, ip_hash)
       select $1, s.id, s.email_canonical, split_part(s.email_canonical, '@', 2), 'confirmed', 'Gen', 'Signer', '05401',
         (array['VT','NY','CA','TX','OH','PA','FL','IL','GA','MI'])[1 + s.id % 10], (s.id % 5)::int,
         now() - (s.id % $4) * interval '1 hour', now(), now() - (s.id % $4) * interval '1 hour',
         case when s.id % 25 = 0 then 'burst-address-hash' else 'ip-' || (s.id % 50000) end
       from s`,
      [petitionId, a, b, spreadHours],
    );
    log(`generated ${b.toLocaleString("en-US")}`);
  }
}
