import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/*
 * The two indexed queries behind GET /api/v1/districts: the ZIP's (state, district) rows, then
 * every member for those seats and states with their district offices aggregated.
 */

export interface LookupMemberRow {
  bioguide: string;
  chamber: "senate" | "house";
  title: string;
  state: string;
  district: number | null;
  senateClass: number | null;
  stateRank: string | null;
  fullName: string;
  firstName: string;
  lastName: string;
  party: string;
  phone: string | null;
  office: string | null;
  address: string | null;
  contactForm: string | null;
  url: string | null;
  offices: Array<{
    address: string | null;
    suite: string | null;
    building: string | null;
    city: string | null;
    state: string | null;
    zip: string | null;
    phone: string | null;
    latitude: number | null;
    longitude: number | null;
  }>;
  committees: Array<{ id: string; name: string; side: "majority" | "minority"; role: string | null }>;
}

export function findZipSeats(db: Executor, congress: number, zip: string) {
  return db
    .selectFrom("zipDistricts")
    .select(["state", "district"])
    .where("congress", "=", congress)
    .where("zip", "=", zip)
    .orderBy("state")
    .orderBy("district")
    .execute();
}

/** Every seat in a state (ZIP fallback: the state is known, the district is not). */
export function findStateSeats(db: Executor, congress: number, state: string) {
  return db
    .selectFrom("zipDistricts")
    .select(["state", "district"])
    .distinct()
    .where("congress", "=", congress)
    .where("state", "=", state)
    .orderBy("district")
    .execute();
}

export async function findMembersForSeats(
  db: Executor,
  congress: number,
  states: string[],
  seats: string[],
): Promise<LookupMemberRow[]> {
  if (!states.length) return [];
  const result = await sql<LookupMemberRow>`
    select l.bioguide, l.chamber, l.title, l.state, l.district, l.senate_class as "senateClass", l.state_rank as "stateRank", l.full_name as "fullName",
      l.first_name as "firstName", l.last_name as "lastName", l.party, l.phone, l.office, l.address,
      l.contact_form as "contactForm", l.url,
      coalesce((select json_agg(json_build_object('address', o.address, 'suite', o.suite, 'building', o.building, 'city', o.city,
        'state', o.state, 'zip', o.zip, 'phone', o.phone, 'latitude', o.latitude, 'longitude', o.longitude) order by o.id)
        from legislator_offices o where o.congress = l.congress and o.bioguide = l.bioguide), '[]'::json) as offices,
      coalesce((select json_agg(json_build_object('id', m.committee_id, 'name', c.name, 'side', m.side, 'role', m.title)
        order by m.committee_id) from committee_members m join committees c on c.congress = m.congress and c.id = m.committee_id
        where m.congress = l.congress and m.bioguide = l.bioguide), '[]'::json) as committees
    from legislators l
    where l.congress = ${congress} and l.state = any(${states}::text[])
      and (l.chamber = 'senate' or (l.state || '-' || l.district) = any(${seats}::text[]))
    order by l.state, l.chamber desc, case when l.state_rank = 'senior' then 0 else 1 end, l.last_name
  `.execute(db);
  return result.rows;
}

export async function findLatestCongressImport(
  db: Executor,
): Promise<{ id: number; sourceDate: string | null } | undefined> {
  return db
    .selectFrom("dataImports")
    .select(["id", "sourceDate"])
    .where("kind", "=", "congress")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}
