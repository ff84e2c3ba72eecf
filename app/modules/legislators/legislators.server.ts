import { db } from "~db/index.server";
import { findDistrictsByZip, findHouseMember, findSenators, type Member } from "./legislators.queries.server";

export type { Member } from "./legislators.queries.server";

export interface ZipCandidate {
  state: string;
  /** 0 = at-large or delegate seat. */
  district: number;
  /** null = the seat is vacant. */
  house: Member | null;
  /** Two for a state; none for DC and the territories. */
  senators: Member[];
}

export interface ZipLookup {
  zip: string;
  /**
   * Every district the ZIP may belong to (the data over-reports: never pick one silently).
   * Empty when the ZIP is unknown: PO-box-only and military ZIPs have no ZCTA.
   */
  candidates: ZipCandidate[];
}

/** The House member and senators for each district a ZIP (or ZIP+4) maps to. */
export async function lookupZip(zip: string): Promise<ZipLookup> {
  const match = /^(\d{5})(?:-?\d{4})?$/.exec(zip.trim());
  if (!match) return { zip: zip.trim(), candidates: [] };
  const five = match[1];
  const database = db();
  const districts = await findDistrictsByZip(database, five);
  const senatorsByState = new Map<string, Promise<Member[]>>();
  const candidates = await Promise.all(
    districts.map(async ({ state, district }) => {
      if (!senatorsByState.has(state)) senatorsByState.set(state, findSenators(database, state));
      const [house, senators] = await Promise.all([findHouseMember(database, state, district), senatorsByState.get(state)!]);
      return { state, district, house: house ?? null, senators };
    }),
  );
  return { zip: five, candidates };
}
